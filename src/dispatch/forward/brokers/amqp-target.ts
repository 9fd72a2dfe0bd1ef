import type { ForwardConfig } from '../../../config/forward.config';
import { PermanentFailure } from '../../failures';
import type { WebhookEvent } from '../../webhook-event';
import { cloudEventMessage } from '../cloud-event';
import { type ForwardTarget, withinTimeout } from '../forward-target';
import type { AmqpConnection } from './amqp-connection';
import { amqpRoutingKey, MAX_ROUTING_KEY_BYTES } from './amqp-routing-key';

/**
 * Publishes each delivery to an exchange as a persistent message whose `message_id` is the
 * delivery id; the publisher confirm is the acknowledgement.
 */
export class AmqpTarget implements ForwardTarget {
  private readonly exchange: string;

  constructor(
    private readonly target: ForwardConfig,
    private readonly connection: AmqpConnection,
  ) {
    this.exchange = target.exchange!;
    connection.expectExchange(this.exchange);
  }

  async send(event: WebhookEvent): Promise<void> {
    const routingKey = amqpRoutingKey(this.target.routingKey!, event);
    const where = `Publish to exchange "${this.exchange}" with routing key "${routingKey}" on ${this.connection.broker}`;
    if (Buffer.byteLength(routingKey) > MAX_ROUTING_KEY_BYTES) {
      throw new PermanentFailure(`${where} refused: AMQP allows ${MAX_ROUTING_KEY_BYTES} bytes`);
    }
    const message = await cloudEventMessage(event);
    try {
      const publish = this.connection.publish(
        this.exchange,
        routingKey,
        Buffer.from(message.body),
        {
          messageId: message.id,
          type: message.type,
          contentType: message.contentType,
          persistent: true,
          appId: 'hookgate',
          timestamp: Math.floor(event.receivedAt.getTime() / 1000),
        },
      );
      await withinTimeout(publish, this.target.timeoutMs, event.signal);
    } catch (error) {
      throw new Error(`${where} failed: ${this.connection.describe(error)}`);
    }
  }
}
