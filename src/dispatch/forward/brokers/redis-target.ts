import type { ForwardConfig } from '../../../config/forward.config';
import type { WebhookEvent } from '../../webhook-event';
import { cloudEventMessage } from '../cloud-event';
import { type ForwardTarget, withinTimeout } from '../forward-target';
import { fillPlaceholders } from '../placeholders';
import type { RedisConnection } from './redis-connection';

/**
 * Appends each delivery to a Redis stream (XADD) as the fields `id`, `type` and `event` (the
 * CloudEvent's JSON); the entry id Redis answers is the acknowledgement. A key takes any
 * characters, so placeholders are filled as they are.
 */
export class RedisTarget implements ForwardTarget {
  constructor(
    private readonly target: ForwardConfig,
    private readonly connection: RedisConnection,
  ) {}

  async send(event: WebhookEvent): Promise<void> {
    const key = fillPlaceholders(this.target.stream!, event);
    const message = await cloudEventMessage(event);
    const fields = ['id', message.id, 'type', message.type, 'event', message.body];
    try {
      const append = this.connection.append(key, fields, this.target.maxLen);
      await withinTimeout(append, this.target.timeoutMs, event.signal);
    } catch (error) {
      throw new Error(
        `XADD to stream "${key}" on ${this.connection.broker} failed: ${this.connection.describe(error)}`,
      );
    }
  }
}
