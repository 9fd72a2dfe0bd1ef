import * as amqp from 'amqplib';
import Redis from 'ioredis';
import { connect as connectNats, type NatsConnection } from 'nats';
import { parseCloudEvent, type ReceivedEvent, uniqueSuffix } from './brokers';

/** Something a test made on a broker and removes afterwards. */
export interface BrokerFixture {
  /** Every message received so far (they are read, and kept, as they arrive). */
  received(): Promise<ReceivedEvent[]>;
  remove(): Promise<void>;
}

/** A JetStream stream of its own, capturing `<prefix>.>`. */
export async function natsStream(): Promise<BrokerFixture & { prefix: string }> {
  const suffix = uniqueSuffix();
  const name = `HG_${suffix}`;
  const prefix = `hg${suffix}`;
  const nc: NatsConnection = await connectNats({ servers: '127.0.0.1:4222' });
  const manager = await nc.jetstreamManager();
  await manager.streams.add({ name, subjects: [`${prefix}.>`] });
  return {
    prefix,
    async received() {
      const { state } = await manager.streams.info(name);
      const out: ReceivedEvent[] = [];
      for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
        const message = await manager.streams.getMessage(name, { seq });
        const body = new TextDecoder().decode(message.data);
        const contentType = message.header.get('Content-Type');
        out.push({
          where: message.subject,
          transportId: message.header.get('Nats-Msg-Id'),
          event: parseCloudEvent(body, contentType),
        });
      }
      return out;
    },
    async remove() {
      await manager.streams.delete(name).catch(() => undefined);
      await nc.close();
    },
  };
}

/** A topic exchange of its own, with a queue bound by `bindingKey`. */
export async function amqpExchange(
  bindingKey = '#',
): Promise<BrokerFixture & { exchange: string; persistent: () => boolean[] }> {
  const exchange = `hg-${uniqueSuffix()}`;
  const connection = await amqp.connect('amqp://guest:guest@127.0.0.1:5672/');
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: false });
  await channel.assertQueue(exchange, { durable: false });
  await channel.bindQueue(exchange, exchange, bindingKey);
  const kept: ReceivedEvent[] = [];
  const deliveryModes: number[] = [];
  return {
    exchange,
    persistent: () => deliveryModes.map((mode) => mode === 2),
    async received() {
      for (;;) {
        const message = await channel.get(exchange, { noAck: true });
        if (!message) return [...kept];
        deliveryModes.push(Number(message.properties.deliveryMode));
        kept.push({
          where: message.fields.routingKey,
          transportId: String(message.properties.messageId),
          event: parseCloudEvent(message.content.toString('utf8'), message.properties.contentType),
        });
      }
    },
    async remove() {
      await channel.deleteQueue(exchange).catch(() => undefined);
      await channel.deleteExchange(exchange).catch(() => undefined);
      await connection.close();
    },
  };
}

/** A key prefix of its own: every stream a test's targets append to starts with it. */
export async function redisKeys(): Promise<BrokerFixture & { prefix: string; client: Redis }> {
  const prefix = `hg-${uniqueSuffix()}`;
  const client = new Redis('redis://127.0.0.1:6379');
  const keys = async () => (await client.keys(`${prefix}*`)).sort();
  return {
    prefix,
    client,
    async received() {
      const out: ReceivedEvent[] = [];
      for (const key of await keys()) {
        for (const [, fields] of await client.xrange(key, '-', '+')) {
          const entry = Object.fromEntries(
            fields.flatMap((value, i) => (i % 2 === 0 ? [[value, fields[i + 1]]] : [])),
          );
          out.push({
            where: key,
            transportId: entry.id,
            event: parseCloudEvent(entry.event, 'application/cloudevents+json'),
          });
        }
      }
      return out;
    },
    async remove() {
      const all = await keys();
      if (all.length > 0) await client.del(...all);
      client.disconnect();
    },
  };
}
