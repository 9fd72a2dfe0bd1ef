import { deliveryDetail, waitForDeliveryStatus } from '../helpers/dispatch';
import { amqpExchange, natsStream, redisKeys } from '../helpers/broker-fixtures';
import { byId, type ReceivedEvent, requireBroker } from '../helpers/brokers';
import { postGithub } from '../helpers/github';
import { sample } from '../helpers/metrics';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
// Credentials the servers here ignore (they run without auth): they must never be shown.
const NATS_TOKEN = 'nats-token-do-not-show-1f3a';
const REDIS_PASSWORD = 'redis-password-do-not-show-7c2e';

/** Deliveries of several types; `odd event*` + action `x>y` has characters brokers map. */
const DELIVERIES = [
  { event: 'push', body: { ref: 'refs/heads/main' }, type: 'push' },
  { event: 'issues', body: { action: 'opened', n: 1 }, type: 'issues.opened' },
  { event: 'issues', body: { action: 'closed', n: 2 }, type: 'issues.closed' },
  { event: 'pull_request', body: { action: 'opened', n: 3 }, type: 'pull_request.opened' },
  { event: 'odd event*', body: { action: 'x>y' }, type: 'odd event*.x>y' },
];

describe('forwarding to brokers: each delivery arrives once, as a valid CloudEvent', () => {
  let t: TestApp;
  let nats: Awaited<ReturnType<typeof natsStream>>;
  /** A stream of its own: JetStream keeps one copy of a delivery per stream (Nats-Msg-Id). */
  let natsIssues: Awaited<ReturnType<typeof natsStream>>;
  let amqp: Awaited<ReturnType<typeof amqpExchange>>;
  let redis: Awaited<ReturnType<typeof redisKeys>>;
  /** Gateway id → the delivery sent. */
  const sent = new Map<string, { type: string; body: object; deliveryId: string }>();

  beforeAll(async () => {
    for (const kind of ['nats', 'amqp', 'redis'] as const) await requireBroker(kind);
    [nats, natsIssues, amqp, redis] = await Promise.all([
      natsStream(),
      natsStream(),
      amqpExchange(),
      redisKeys(),
    ]);
    const onlyIssues = ['issues.*'];
    t = await createTestApp(
      testConfig({
        dispatch: { pollIntervalMs: 20 },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: [SECRET],
            forward: [
              {
                url: `nats://${NATS_TOKEN}@127.0.0.1:4222`,
                subject: `${nats.prefix}.{provider}.{endpoint}.{type}`,
              },
              {
                url: 'nats://127.0.0.1:4222',
                subject: `${natsIssues.prefix}.issues-only.{type}`,
                types: onlyIssues,
              },
              {
                url: 'amqp://guest:guest@127.0.0.1:5672/',
                exchange: amqp.exchange,
                routingKey: '{provider}.{endpoint}.{type}',
              },
              {
                url: 'amqp://guest:guest@127.0.0.1:5672/',
                exchange: amqp.exchange,
                routingKey: 'issues-only.{type}',
                types: onlyIssues,
              },
              {
                url: `redis://:${REDIS_PASSWORD}@127.0.0.1:6379`,
                stream: `${redis.prefix}:{endpoint}`,
                maxLen: 1000,
              },
              {
                url: 'redis://127.0.0.1:6379',
                stream: `${redis.prefix}:issues-only:{type}`,
                types: onlyIssues,
              },
            ],
          },
        ],
      }),
    );
    for (const [i, delivery] of DELIVERIES.entries()) {
      const deliveryId = `broker-${i}-${nats.prefix}`;
      const body = JSON.stringify(delivery.body);
      const res = await postGithub(t, SECRET, body, delivery.event, deliveryId);
      expect(res.status).toBe(200);
      sent.set(res.body.id, { type: delivery.type, body: delivery.body, deliveryId });
    }
    for (const id of sent.keys()) await waitForDeliveryStatus(t, id, 'succeeded');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([nats, natsIssues, amqp, redis].map((fixture) => fixture?.remove()));
  });

  /** The CloudEvent each delivery must arrive as, whatever the broker. */
  function expectCloudEvents(received: ReceivedEvent[]): void {
    for (const { event, transportId } of received) {
      const delivery = sent.get(event.id)!;
      expect(delivery).toBeDefined();
      expect(transportId).toBe(event.id);
      expect(event).toMatchObject({
        specversion: '1.0',
        source: '/hookgate/github/acme',
        type: `github.${delivery.type}`,
        datacontenttype: 'application/json',
        data: delivery.body,
        hookgateendpoint: 'acme',
        providerdeliveryid: delivery.deliveryId,
      });
      expect(Number.isNaN(Date.parse(String(event.time)))).toBe(false);
    }
  }

  /** Every delivery once on the main destination; the issues ones once more on the filtered. */
  function expectRouting(
    received: ReceivedEvent[],
    main: (type: string) => string,
    issuesOnly: (type: string) => string,
  ): void {
    const at = (where: (type: string) => string) =>
      received.filter((r) => r.where === where(sent.get(r.event.id)!.type));
    const onMain = byId(at(main));
    expect(onMain.ids).toEqual(new Set(sent.keys()));
    expect(onMain.repeated).toEqual([]);
    const issues = [...sent].filter(([, d]) => d.type.startsWith('issues.')).map(([id]) => id);
    const onFiltered = byId(at(issuesOnly));
    expect(onFiltered.ids).toEqual(new Set(issues));
    expect(onFiltered.repeated).toEqual([]);
    expect(received).toHaveLength(sent.size + issues.length);
  }

  it('NATS JetStream: subject per type, dots kept as tokens, spaces * > mapped to _, Nats-Msg-Id = id', async () => {
    const received = [...(await nats.received()), ...(await natsIssues.received())];
    expectCloudEvents(received);
    const subject = (type: string) => `${nats.prefix}.github.acme.${type.replace(/[ *>]/g, '_')}`;
    expectRouting(received, subject, (type) => `${natsIssues.prefix}.issues-only.${type}`);
    expect(received.map((r) => r.where)).toContain(`${nats.prefix}.github.acme.odd_event_.x_y`);
  });

  it('RabbitMQ: routing key per type, persistent messages, message_id = id', async () => {
    const received = await amqp.received();
    expectCloudEvents(received);
    const key = (type: string) => `github.acme.${type.replace(/[ *#]/g, '_')}`;
    expectRouting(received, key, (type) => `issues-only.${type}`);
    expect(received.map((r) => r.where)).toContain('github.acme.odd_event_.x>y');
    expect(amqp.persistent()).toEqual(received.map(() => true));
  });

  it('Redis Streams: one stream per key, the key filled as it is, fields id and event', async () => {
    const received = await redis.received();
    expectCloudEvents(received);
    expectRouting(
      received,
      () => `${redis.prefix}:acme`,
      (type) => `${redis.prefix}:issues-only:${type}`,
    );
  });

  it('names, errors, metrics and readiness never show a credential', async () => {
    const detail = await deliveryDetail(t, [...sent.keys()][0]);
    const names = detail.runs.map((run) => run.handler);
    expect(names).toEqual(
      expect.arrayContaining([
        `forward:acme:nats://127.0.0.1:4222#${nats.prefix}.{provider}.{endpoint}.{type}`,
        `forward:acme:amqp://127.0.0.1:5672/#${amqp.exchange}/{provider}.{endpoint}.{type}`,
        `forward:acme:redis://127.0.0.1:6379#${redis.prefix}:{endpoint}`,
      ]),
    );
    const metrics = (await t.http().get('/metrics')).text;
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    // The same servers without credentials are connections of their own, numbered.
    const brokers = [
      'nats://127.0.0.1:4222',
      'nats://127.0.0.1:4222 (2)',
      'amqp://127.0.0.1:5672/',
      'redis://127.0.0.1:6379',
      'redis://127.0.0.1:6379 (2)',
    ];
    expect(Object.keys(ready.body.info.brokers.connections).sort()).toEqual(brokers.sort());
    for (const broker of brokers) {
      expect(ready.body.info.brokers.connections[broker]).toMatchObject({ status: 'connected' });
      expect(sample(metrics, 'hookgate_broker_connected', { broker })).toBe(1);
    }
    expect(
      sample(metrics, 'hookgate_forward_publishes_total', {
        target: names[0],
        outcome: 'acknowledged',
      }),
    ).toBeGreaterThanOrEqual(1);
    const shown = JSON.stringify([detail, ready.body]) + metrics;
    for (const secret of [NATS_TOKEN, REDIS_PASSWORD, 'guest:guest']) {
      expect(shown).not.toContain(secret);
    }
  });
});
