import type { ConnectionOptions, JetStreamClient, NatsConnection as Client, PubAck } from 'nats';
import { setTimeout as delay } from 'node:timers/promises';
import { BrokerConnection, reconnectDelayMs } from './broker-connection';

/** What a JetStream publish carries besides its subject. */
export interface NatsMessage {
  body: string;
  contentType: string;
  /** `Nats-Msg-Id`: the stream drops a repeat within its duplicate window. */
  id: string;
  timeoutMs: number;
}

/**
 * A NATS connection for JetStream publishes. The first connection is retried here; once up,
 * the client reconnects by itself for as long as it takes (maxReconnectAttempts -1).
 */
export class NatsConnection extends BrokerConnection {
  private client?: Client;
  private jetstream?: JetStreamClient;
  private nats?: typeof import('nats');
  private readonly streamFilters = new Set<string>();

  /** Warn at start-up when no stream captures this subject filter. */
  expectStreamFor(filter: string): void {
    this.streamFilters.add(filter);
  }

  open(): void {
    this.connectLoop().catch((error) => this.markDown(error));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.client?.close();
  }

  async publish(subject: string, message: NatsMessage): Promise<PubAck> {
    // Not while the client reconnects either: it would buffer the message and send it late.
    if (!this.jetstream || !this.nats || this.state().status !== 'connected') {
      throw this.notConnected();
    }
    const headers = this.nats.headers();
    headers.set('Content-Type', message.contentType);
    return this.jetstream.publish(subject, message.body, {
      msgID: message.id,
      headers,
      timeout: message.timeoutMs,
    });
  }

  private options(): ConnectionOptions {
    const url = new URL(this.url);
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    return {
      servers: url.port ? url.host : `${url.host}:4222`,
      // nats://user:password@host, or nats://token@host
      ...(pass ? { user, pass } : user ? { token: user } : {}),
      name: 'hookgate',
      timeout: 5_000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      pingInterval: 20_000,
    };
  }

  private async connectLoop(): Promise<void> {
    this.nats ??= await import('nats');
    for (let failures = 0; !this.closing;) {
      try {
        const client = await this.nats.connect(this.options());
        if (this.closing) return void (await client.close());
        failures = 0;
        this.use(client);
        const error = await client.closed();
        this.client = this.jetstream = undefined;
        if (error) this.markDown(error);
        else this.markLost();
      } catch (error) {
        failures++;
        this.markDown(error);
      }
      // Unref'd: a pending reconnect never keeps a stopping process alive.
      if (!this.closing)
        await delay(reconnectDelayMs(Math.max(failures, 1)), undefined, { ref: false });
    }
  }

  private use(client: Client): void {
    this.client = client;
    this.jetstream = client.jetstream();
    this.markConnected();
    void this.watch(client);
    void this.checkStreams(client);
  }

  private async watch(client: Client): Promise<void> {
    for await (const status of client.status()) {
      if (status.type === 'disconnect') this.markDown(new Error('disconnected'));
      else if (status.type === 'reconnect') this.markConnected();
    }
  }

  private async checkStreams(client: Client): Promise<void> {
    try {
      const manager = await client.jetstreamManager();
      for (const filter of this.streamFilters) {
        await manager.streams
          .find(filter)
          .catch(() =>
            this.logger.warn(
              `Broker ${this.broker}: no JetStream stream captures "${filter}": publishes to it fail until a stream does (nats stream add --subjects "${filter}")`,
            ),
          );
      }
    } catch (error) {
      this.logger.warn(
        `Broker ${this.broker}: JetStream is not available (${this.describe(error)})`,
      );
    }
  }
}
