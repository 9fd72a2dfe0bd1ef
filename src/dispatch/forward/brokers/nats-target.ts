import type { ForwardConfig } from '../../../config/forward.config';
import type { WebhookEvent } from '../../webhook-event';
import { cloudEventMessage } from '../cloud-event';
import { type ForwardTarget, withinTimeout } from '../forward-target';
import type { NatsConnection } from './nats-connection';
import { natsSubject, natsSubjectFilter } from './nats-subject';

/** Publishes each delivery to a JetStream subject; the stream's PubAck is the acknowledgement. */
export class NatsTarget implements ForwardTarget {
  private readonly subject: string;

  constructor(
    private readonly target: ForwardConfig,
    private readonly connection: NatsConnection,
  ) {
    this.subject = target.subject!;
    connection.expectStreamFor(natsSubjectFilter(this.subject));
  }

  async send(event: WebhookEvent): Promise<void> {
    const subject = natsSubject(this.subject, event);
    const message = await cloudEventMessage(event);
    const { timeoutMs } = this.target;
    try {
      const publish = this.connection.publish(subject, { ...message, timeoutMs });
      await withinTimeout(publish, timeoutMs, event.signal);
    } catch (error) {
      throw new Error(
        `JetStream publish to "${subject}" on ${this.connection.broker} failed: ${this.reason(error, subject)}`,
      );
    }
  }

  private reason(error: unknown, subject: string): string {
    switch ((error as { code?: string }).code) {
      // No responders: nothing listens on the subject, so no stream captures it.
      case '503':
        return `no JetStream stream captures "${subject}": add a stream whose subjects include it`;
      case 'TIMEOUT':
        return `no acknowledgement within ${this.target.timeoutMs} ms`;
      default:
        return this.connection.describe(error);
    }
  }
}
