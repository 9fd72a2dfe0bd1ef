import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECEIVERS } from '../../src/receivers/receivers';
import { createTravisCiReceiver } from '../../src/receivers/travis-ci/travis-ci.receiver';
import { fakePaypalFetch as fakeFetch } from '../helpers/paypal-delivery';
import { createTestApp, ManualClock, postRaw, testConfig, type TestApp } from '../helpers/test-app';
import {
  TRAVIS_CONFIG_URL,
  travisConfigResponse,
  travisDelivery,
  travisKeyPair,
} from '../helpers/travis-delivery';
import { adminGet } from './contract-client';

const ENTERPRISE_API = 'https://travis.example.com/api';
const SAMPLE_TEXT = readFileSync(
  join(__dirname, '../../src/receivers/travis-ci/fixtures/build-passed.json'),
  'utf8',
);
const SAMPLE = JSON.parse(SAMPLE_TEXT) as Record<string, unknown>;

/**
 * What is Travis CI's own: the key read from /config once and kept, a rotated key picked up
 * after a failure (at most once per interval), 503 when /config cannot be read, keys pinned in
 * secrets, an Enterprise API, start and finish of one build stored apart, and the https-only
 * API URL at start-up. The contract every receiver keeps is in contract.e2e-spec.ts, row
 * cases/travis-ci.ts.
 */
describe('Travis CI receiver end to end', () => {
  const clock = new ManualClock(new Date('2026-11-27T12:00:00Z'));
  const first = travisKeyPair();
  const second = travisKeyPair();
  let served = first.publicKeyPem;
  const travis = fakeFetch({
    [`GET ${TRAVIS_CONFIG_URL}`]: () => travisConfigResponse(served),
    [`GET ${ENTERPRISE_API}/config`]: () => Promise.reject(new TypeError('fetch failed')),
  });
  const deliver = (endpoint: string, payload: string, privateKeyPem = first.privateKeyPem) => {
    const { headers, body } = travisDelivery(payload, privateKeyPem);
    return postRaw(t, `/webhooks/travis-ci/${endpoint}`, headers, body);
  };
  const build = (changes: Record<string, unknown>) => JSON.stringify({ ...SAMPLE, ...changes });
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'travis-ci', id: 'builds' },
          { provider: 'travis-ci', id: 'enterprise', options: { apiUrl: ENTERPRISE_API } },
          { provider: 'travis-ci', id: 'pinned', secrets: [first.publicKeyPem] },
        ],
      }),
      {
        clock,
        receivers: RECEIVERS.map((r) =>
          r.name === 'travis-ci' ? createTravisCiReceiver({ fetch: travis.fetch }) : r,
        ),
      },
    );
  });
  afterAll(() => t.close());

  it('reads the key from /config once and keeps it', async () => {
    for (const id of [11, 12, 13]) {
      expect((await deliver('builds', build({ id }))).status).toBe(200);
    }
    expect(travis.calls.map((c) => c.url)).toEqual([TRAVIS_CONFIG_URL]);
  });

  it('stores the start and the finish of one build as two deliveries', async () => {
    const started = build({ id: 20, state: 'started', finished_at: null });
    const passed = build({ id: 20 });
    const a = await deliver('builds', started);
    const b = await deliver('builds', passed);
    expect([a.body.duplicate, b.body.duplicate]).toEqual([false, false]);
    const stored = await adminGet(t, `/admin/deliveries/${a.body.id as string}`);
    expect(stored.body).toMatchObject({
      type: 'push.started',
      providerDeliveryId: '20:started:2014-04-03T10:21:05Z',
      occurredAt: '2014-04-03T10:21:05.000Z',
    });
  });

  it('picks up a rotated key after a failure, at most once per interval', async () => {
    const before = travis.calls.length;
    served = second.publicKeyPem;
    clock.advance(60_000);
    const early = await deliver('builds', build({ id: 30 }), second.privateKeyPem);
    expect(early.status).toBe(401);
    expect(early.body.message).toMatch(/options\.apiUrl/);
    expect(travis.calls.length).toBe(before);
    clock.advance(300_000);
    expect((await deliver('builds', build({ id: 30 }), second.privateKeyPem)).status).toBe(200);
    expect(travis.calls.length).toBe(before + 1);
  });

  it('503 with Retry-After when the API cannot be reached for the key', async () => {
    const res = await deliver('enterprise', build({ id: 40 }));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.body).toEqual({
      error: 'upstream-unavailable',
      message: expect.stringMatching(
        /^Fetching the Travis CI webhook public key from https:\/\/travis\.example\.com\/api\/config failed/,
      ),
    });
  });

  it('verifies with a key pinned in secrets, without asking /config', async () => {
    const before = travis.calls.length;
    expect((await deliver('pinned', build({ id: 50 }))).status).toBe(200);
    const forged = await deliver('pinned', build({ id: 51 }), second.privateKeyPem);
    expect(forged.status).toBe(401);
    expect(forged.body.message).toMatch(/pinned public key/);
    expect(travis.calls.length).toBe(before);
  });

  it.each([
    [
      'a plain-http API URL',
      { options: { apiUrl: 'http://api.travis-ci.com' } },
      /http: is refused/,
    ],
    ['a pinned key that is not one', { secrets: ['not a key'] }, /public key in PEM/],
  ])('refuses %s at start-up', async (_label, endpoint, message) => {
    const config = testConfig({ endpoints: [{ provider: 'travis-ci', id: 'x', ...endpoint }] });
    await expect(createTestApp(config)).rejects.toThrow(message);
  });
});
