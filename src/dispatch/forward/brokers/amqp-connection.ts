import type { ChannelModel, ConfirmChannel, Message, Options } from 'amqplib';
import { BrokerConnection, reconnectDelayMs } from './broker-connection';

/** A message the broker sent back (basic.return); @types/amqplib leaves out its reply text. */
type ReturnedMessage = Message & { fields: { replyText?: string } };

/** A confirm channel, and the messages the broker returned on it as unroutable. */
interface PublishChannel {
  channel: ConfirmChannel;
  /** messageId → the broker's reply text (`NO_ROUTE`). */
  returned: Map<string, string>;
  /** Why the broker closed the channel (a missing exchange), for the publishes it failed. */
  closedBy?: string;
}

/**
 * A RabbitMQ (AMQP 0-9-1) connection with a confirm channel per exchange, so a publish to a
 * missing exchange (which makes the broker close its channel) fails no other target's
 * publishes. amqplib does not reconnect, so this does: after a lost connection it connects
 * again with backoff, and a channel the broker closed is opened again on next use.
 */
export class AmqpConnection extends BrokerConnection {
  private connection?: ChannelModel;
  private readonly channels = new Map<string, Promise<PublishChannel>>();
  private failures = 0;
  private timer?: NodeJS.Timeout;
  private readonly exchanges = new Set<string>();

  /** Warn at start-up when this exchange does not exist. */
  expectExchange(name: string): void {
    if (name !== '') this.exchanges.add(name);
  }

  open(): void {
    void this.connect();
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    await this.connection?.close().catch(() => undefined);
  }

  /**
   * Publish and wait for the broker's confirm. `mandatory`: a message no queue is bound to
   * receive comes back before its confirm, and fails the publish rather than vanish.
   */
  async publish(
    exchange: string,
    routingKey: string,
    body: Buffer,
    options: Options.Publish & { messageId: string },
  ): Promise<void> {
    if (!this.connection) throw this.notConnected();
    const open = await this.publishChannel(this.connection, exchange);
    await new Promise<void>((resolve, reject) => {
      open.channel.publish(exchange, routingKey, body, { ...options, mandatory: true }, (error) => {
        const returned = open.returned.get(options.messageId);
        open.returned.delete(options.messageId);
        if (error) reject(new Error(`not confirmed: ${open.closedBy ?? error.message}`));
        else if (returned !== undefined)
          reject(new Error(`returned by the broker (${returned}): no queue is bound for it`));
        else resolve();
      });
    });
  }

  private async connect(): Promise<void> {
    try {
      const amqp = await import('amqplib');
      const connection = await amqp.connect(this.url, {
        timeout: 5_000,
        clientProperties: { connection_name: 'hookgate' },
      });
      if (this.closing) return void (await connection.close());
      connection.on('error', (error) => this.markDown(error));
      connection.on('close', () => this.lost(connection));
      this.connection = connection;
      this.failures = 0;
      this.markConnected();
      void this.checkExchanges(connection);
    } catch (error) {
      this.failures++;
      this.markDown(error);
      this.reconnectLater();
    }
  }

  private lost(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.channels.clear();
    this.markLost();
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closing) return;
    this.timer = setTimeout(
      () => void this.connect(),
      reconnectDelayMs(Math.max(this.failures, 1)),
    ).unref();
  }

  private publishChannel(connection: ChannelModel, exchange: string): Promise<PublishChannel> {
    const kept = this.channels.get(exchange);
    if (kept) return kept;
    const forget = () => {
      if (this.channels.get(exchange) === opening) this.channels.delete(exchange);
    };
    const opening = connection.createConfirmChannel().then((channel) => {
      const open: PublishChannel = { channel, returned: new Map() };
      channel.on('return', (message: ReturnedMessage) =>
        open.returned.set(String(message.properties.messageId), message.fields.replyText ?? ''),
      );
      channel.on('error', (error: Error) => (open.closedBy = this.describe(error)));
      channel.on('close', forget);
      return open;
    });
    opening.catch(forget);
    this.channels.set(exchange, opening);
    return opening;
  }

  private async checkExchanges(connection: ChannelModel): Promise<void> {
    for (const exchange of this.exchanges) {
      try {
        // A failed check closes its channel: one channel per check.
        const channel = await connection.createChannel();
        channel.on('error', () => undefined);
        await channel.checkExchange(exchange);
        await channel.close();
      } catch {
        this.logger.warn(
          `Broker ${this.broker}: exchange "${exchange}" does not exist: publishes to it fail until it is declared`,
        );
      }
    }
  }
}
