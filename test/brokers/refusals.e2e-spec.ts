import { Logger } from '@nestjs/common';
import { amqpExchange, redisKeys } from '../helpers/broker-fixtures';
import { requireBroker, uniqueSuffix } from '../helpers/brokers';
import { deliveryDetail, waitForRun } from '../helpers/dispatch';
import { postGithub } from '../helpers/github';
import { sample } from '../helpers/metrics';
import { createTestApp, testConfig, waitFor, type TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
const WRONG_PASSWORD = 'wrong-amqp-password-do-not-show';

/**
 * A publish the broker does not acknowledge fails the run, with an error that says why, and
 * retries until it is dead: no stream for the subject, no queue for the routing key, no such
 * exchange, refused credentials, a key of another type. Nothing else is held up.
 */
describe('forwarding to brokers: what is not acknowledged is retried, and says why', () => {
  let t: TestApp;
  let amqp: Awaited<ReturnType<typeof amqpExchange>>;
  let redis: Awaited<ReturnType<typeof redisKeys>>;
  let warnings: jest.SpyInstance;
  const suffix = uniqueSuffix();
  const name = {
    noStream: `forward:acme:nats://127.0.0.1:4222#nostream${suffix}.{type}`,
    unroutable: () => `forward:acme:amqp://127.0.0.1:5672/#${amqp.exchange}/unbound.{type}`,
    routable: () => `forward:acme:amqp://127.0.0.1:5672/#${amqp.exchange}/bound.only`,
    missingExchange: `forward:acme:amqp://127.0.0.1:5672/#missing-${suffix}/{type}`,
    refused: () => `forward:acme:amqp://127.0.0.1:5672/#${amqp.exchange}/refused`,
    wrongType: () => `forward:acme:redis://127.0.0.1:6379#${redis.prefix}:string`,
  };

  beforeAll(async () => {
    for (const kind of ['nats', 'amqp', 'redis'] as const) await requireBroker(kind);
    [amqp, redis] = await Promise.all([amqpExchange('bound.only'), redisKeys()]);
    await redis.client.set(`${redis.prefix}:string`, 'not a stream');
    warnings = jest.spyOn(Logger.prototype, 'warn');
    const amqpUrl = 'amqp://guest:guest@127.0.0.1:5672/';
    t = await createTestApp(
      testConfig({
        dispatch: {
          pollIntervalMs: 20,
          retry: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 100 },
        },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: [SECRET],
            forward: [
              { url: 'nats://127.0.0.1:4222', subject: `nostream${suffix}.{type}` },
              { url: amqpUrl, exchange: amqp.exchange, routingKey: 'unbound.{type}' },
              { url: amqpUrl, exchange: `missing-${suffix}`, routingKey: '{type}' },
              { url: amqpUrl, exchange: amqp.exchange, routingKey: 'bound.only' },
              {
                url: `amqp://guest:${WRONG_PASSWORD}@127.0.0.1:5672/`,
                exchange: amqp.exchange,
                routingKey: 'refused',
                timeoutMs: 500,
              },
              { url: 'redis://127.0.0.1:6379', stream: `${redis.prefix}:string` },
            ],
          },
        ],
      }),
    );
  }, 60_000);

  afterAll(async () => {
    warnings?.mockRestore();
    await t?.close();
    await Promise.all([amqp?.remove(), redis?.remove()]);
  });

  it('warns at start-up of a subject no stream captures and of a missing exchange', async () => {
    const said = () => warnings.mock.calls.map((call) => String(call[0])).join('\n');
    await waitFor(() => said().includes(`no JetStream stream captures "nostream${suffix}.>"`));
    await waitFor(() => said().includes(`exchange "missing-${suffix}" does not exist`));
  });

  it('each refusal fails its run with the reason, until dead; the other targets are acknowledged', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const res = await postGithub(t, SECRET, body, 'push');
    expect(res.status).toBe(200); // the edge never waits for a broker
    const id: string = res.body.id;
    const dead = (handler: string) => waitForRun(t, id, handler, (r) => r.status === 'dead');

    const noStream = await dead(name.noStream);
    expect(noStream.attempts).toBe(2);
    expect(noStream.lastError).toContain(
      `no JetStream stream captures "nostream${suffix}.push": add a stream whose subjects include it`,
    );
    expect((await dead(name.unroutable())).lastError).toContain(
      'returned by the broker (NO_ROUTE): no queue is bound for it',
    );
    expect((await dead(name.missingExchange)).lastError).toContain(
      `NOT_FOUND - no exchange 'missing-${suffix}'`,
    );
    expect((await dead(name.refused())).lastError).toContain(
      'is not connected (down: Handshake terminated by server: 403 (ACCESS-REFUSED)',
    );
    expect((await dead(name.wrongType())).lastError).toContain('WRONGTYPE');
    await waitForRun(t, id, name.routable(), (r) => r.status === 'succeeded');
    expect((await amqp.received()).map((r) => r.event.id)).toEqual([id]);

    const metrics = (await t.http().get('/metrics')).text;
    expect(
      sample(metrics, 'hookgate_forward_publishes_total', {
        target: name.missingExchange,
        outcome: 'failed',
      }),
    ).toBe(2);
    const shown = JSON.stringify(await deliveryDetail(t, id)) + metrics;
    expect(shown).not.toContain(WRONG_PASSWORD);
    const logged = warnings.mock.calls.map((call) => JSON.stringify(call)).join('\n');
    expect(logged).toContain('ACCESS_REFUSED');
    expect(logged).not.toContain(WRONG_PASSWORD);
  });
});
