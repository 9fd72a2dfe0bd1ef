import { HTTP, type CloudEvent } from 'cloudevents';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

/** The shared servers the broker tests publish to (started by .ci/run when down). */
export const BROKER_PORTS = { nats: 4222, amqp: 5672, redis: 6379 } as const;
export type BrokerKind = keyof typeof BROKER_PORTS;

const START = {
  nats: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server',
  amqp: 'rabbitmq-server -detached',
  redis: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
};

/** A random suffix, so each test's stream, exchange, queue and keys are its own. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Fail, never skip, when a broker the suite needs is down: a skipped broker test would pass
 * CI without proving anything.
 */
export async function requireBroker(kind: BrokerKind): Promise<void> {
  const port = BROKER_PORTS[kind];
  const socket = connect(port, '127.0.0.1');
  const up = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.setTimeout(2000, () => resolve(false));
  });
  socket.destroy();
  if (!up) {
    throw new Error(
      `The ${kind} server is not answering on 127.0.0.1:${port}; the broker tests need it. Start it with: ${START[kind]}`,
    );
  }
}

/** One message as a consumer received it: where it was sent, and the CloudEvent it carries. */
export interface ReceivedEvent {
  /** Subject, routing key, or stream key. */
  where: string;
  /** The id the transport carries outside the body (Nats-Msg-Id, message_id, the `id` field). */
  transportId: string;
  event: CloudEvent<unknown>;
}

/** Parse a structured-mode CloudEvent with the SDK, which validates it (throws when invalid). */
export function parseCloudEvent(body: string, contentType: string): CloudEvent<unknown> {
  const parsed = HTTP.toEvent({ headers: { 'content-type': contentType }, body });
  if (Array.isArray(parsed)) throw new Error('expected one CloudEvent, got a batch');
  (parsed as CloudEvent<unknown>).validate();
  return parsed as CloudEvent<unknown>;
}

/** Received events by id, and the ids received more than once (for at-least-once checks). */
export function byId(received: readonly ReceivedEvent[]): {
  ids: Set<string>;
  repeated: string[];
} {
  const counts = new Map<string, number>();
  for (const { event } of received) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  return {
    ids: new Set(counts.keys()),
    repeated: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
  };
}
