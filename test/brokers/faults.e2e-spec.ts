import {
  amqpExchange,
  type BrokerFixture,
  natsStream,
  redisKeys,
} from '../helpers/broker-fixtures';
import { BROKER_PORTS, type BrokerKind, byId, requireBroker } from '../helpers/brokers';
import { deliveryDetail } from '../helpers/dispatch';
import { postGithub } from '../helpers/github';
import { sample } from '../helpers/metrics';
import { TcpProxy } from '../helpers/tcp-proxy';
import { createTestApp, testConfig, waitFor, type TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
const PER_PHASE = 8;

/** A target through the proxy, and the fixture its messages land in. */
async function targetThrough(
  kind: BrokerKind,
  port: number,
): Promise<{ fixture: BrokerFixture; target: Record<string, unknown> }> {
  const url = `${kind === 'amqp' ? 'amqp://guest:guest@' : `${kind}://`}127.0.0.1:${port}`;
  if (kind === 'nats') {
    const fixture = await natsStream();
    return { fixture, target: { url, subject: `${fixture.prefix}.{endpoint}.{type}` } };
  }
  if (kind === 'amqp') {
    const fixture = await amqpExchange();
    return { fixture, target: { url, exchange: fixture.exchange, routingKey: '{type}' } };
  }
  const fixture = await redisKeys();
  return { fixture, target: { url, stream: `${fixture.prefix}:{endpoint}` } };
}

/**
 * The broker goes away while deliveries arrive: first unreachable from the start (a closed
 * port), then cut off mid-life (every connection killed). The edge acknowledges throughout;
 * the runs fail and retry; once the broker is back every acknowledged delivery arrives, and a
 * consumer that de-duplicates on the CloudEvents id sees each once.
 */
describe.each(['nats', 'amqp', 'redis'] as const)('forwarding to %s while it is away', (kind) => {
  let t: TestApp;
  let proxy: TcpProxy;
  let fixture: BrokerFixture;
  let name = '';
  const acknowledged: string[] = [];

  beforeAll(async () => {
    await requireBroker(kind);
    proxy = await TcpProxy.to(BROKER_PORTS[kind]); // closed: nothing listens on its port yet
    const made = await targetThrough(kind, proxy.port);
    fixture = made.fixture;
    t = await createTestApp(
      testConfig({
        dispatch: {
          pollIntervalMs: 20,
          retry: { maxAttempts: 100, initialDelayMs: 50, maxDelayMs: 250 },
        },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: [SECRET],
            forward: [{ ...made.target, timeoutMs: 1000 }],
          },
        ],
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await fixture?.remove();
  });

  async function send(phase: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < PER_PHASE; i++) {
      const body = JSON.stringify({ phase, i });
      const res = await postGithub(t, SECRET, body, 'push', `${kind}-${phase}-${i}`);
      expect(res.status).toBe(200); // stored and acknowledged with the broker away
      ids.push(res.body.id);
    }
    acknowledged.push(...ids);
    return ids;
  }

  /** Each run of `ids` failed at least `attempts - 1` times and is waiting to retry. */
  async function failing(ids: string[], attempts: number): Promise<number> {
    let failed = 0;
    for (const id of ids) {
      const run = await waitFor(
        async () => {
          const found = (await deliveryDetail(t, id)).runs[0];
          if (!name) name = found?.handler ?? '';
          return found && found.attempts >= attempts && found.status !== 'succeeded'
            ? found
            : undefined;
        },
        15_000,
        `${id} to be retried`,
      );
      failed += run!.attempts - (run!.status === 'processing' ? 1 : 0);
    }
    return failed;
  }

  async function arrived(): Promise<void> {
    await waitFor(
      async () => {
        const { ids } = byId(await fixture.received());
        return acknowledged.every((id) => ids.has(id));
      },
      30_000,
      'every acknowledged delivery on the broker',
    );
    for (const id of acknowledged) {
      await waitFor(async () => (await deliveryDetail(t, id)).status === 'succeeded');
    }
  }

  it('unreachable from the start: runs retry, then every delivery arrives once the broker answers', async () => {
    const ids = await send('closed');
    const failedAttempts = await failing(ids, 2);
    expect(failedAttempts).toBeGreaterThanOrEqual(PER_PHASE);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200); // a broker away never makes the gateway unready
    const [state] = Object.values(ready.body.info.brokers.connections) as { status: string }[];
    expect(state.status).not.toBe('connected');

    await proxy.open();
    await arrived();
    process.stdout.write(
      `${kind} unreachable: ${ids.length} acknowledged, ${failedAttempts} failed attempts before it answered, all arrived\n`,
    );
  }, 60_000);

  it('connection killed mid-life: runs retry, then every delivery arrives, each id once after de-duplication', async () => {
    await proxy.close(); // cuts the live connection and refuses new ones
    const ids = await send('cut');
    await failing(ids, 2);
    await proxy.open();
    await arrived();

    const received = await fixture.received();
    const { ids: unique, repeated } = byId(received);
    expect(unique).toEqual(new Set(acknowledged));
    const metrics = (await t.http().get('/metrics')).text;
    const failed = sample(metrics, 'hookgate_forward_publishes_total', {
      target: name,
      outcome: 'failed',
    });
    expect(failed).toBeGreaterThanOrEqual(2 * PER_PHASE);
    expect(
      sample(metrics, 'hookgate_forward_publishes_total', {
        target: name,
        outcome: 'acknowledged',
      }),
    ).toBeGreaterThanOrEqual(acknowledged.length);
    process.stdout.write(
      `${kind} cut: ${acknowledged.length} acknowledged in all, ${failed} failed publishes, ${received.length} messages received, ${repeated.length} ids more than once\n`,
    );
  }, 60_000);
});
