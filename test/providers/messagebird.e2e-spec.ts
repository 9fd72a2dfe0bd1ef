import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, ManualClock, testConfig, type TestApp } from '../helpers/test-app';
import { send } from './contract-client';

/**
 * MessageBird's published reference cases through the HTTP edge: the endpoint's publicUrl is
 * the case's URL and the app clock the case's timestamp. A refused case is a 401 with its
 * reason; a valid one passes verification, and its body (empty, or plain text: the reference
 * file signs no JSON) is then refused 400 as malformed, never 401. The contract is in
 * contract.e2e-spec.ts, row cases/messagebird.ts.
 */
interface ReferenceCase {
  name: string;
  secret?: string;
  url: string;
  payload?: string;
  timestamp: string;
  token: string;
  valid: boolean;
}
const CASES: ReferenceCase[] = JSON.parse(
  readFileSync(
    join(
      __dirname,
      '../../src/receivers/messagebird/fixtures/webhook-signature-jwt-reference.json',
    ),
    'utf8',
  ),
);
const byName = (name: string) => CASES.find((c) => c.name === name)!;
const KEY = CASES[0].secret!;

describe('MessageBird reference cases end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;
  const urls = [...new Set(CASES.map((c) => c.url))];
  const endpointOf = (url: string) => `ref-${urls.indexOf(url)}`;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: urls.map((url) => ({
          provider: 'messagebird',
          id: endpointOf(url),
          secrets: [KEY],
          publicUrl: url,
        })),
      }),
      { clock },
    );
  });
  afterAll(() => t.close());

  const post = (c: ReferenceCase) => {
    clock.set(new Date(c.timestamp));
    return send(t, {
      path: `/webhooks/messagebird/${endpointOf(c.url)}`,
      headers: { 'content-type': 'application/json', 'messagebird-signature-jwt': c.token },
      body: Buffer.from(c.payload ?? ''),
    });
  };

  it.each([
    ['Token received before it was issued - GET', 'stale-timestamp'],
    ['Token received after it was expired - GET', 'stale-timestamp'],
    ['Token received on different URL (parameters were sorted out of order) - GET', 'signature'],
    ['Payload does not match - POST', 'signature'],
    ['payload was added in transit - POST', 'signature'],
    ['Different secret - GET', 'signature'],
    ['none alg - GET', 'signature'],
  ])('refuses "%s" with 401 %s', async (name, reason) => {
    const res = await post(byName(name));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: reason });
    expect(JSON.stringify(res.body)).not.toContain(KEY);
  });

  it.each([
    'Valid JWT with URL parameters and payload - POST',
    'Valid JWT with URL parameters and no payload - POST',
    'Port number in URL - GET',
    'Special characters in URL - GET',
    'HS512 alg - GET',
  ])('passes "%s" through verification (then 400: the body is no JSON event)', async (name) => {
    const c = byName(name);
    expect(c.valid).toBe(true);
    const res = await post(c);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'malformed' });
  });
});
