import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { ZENDESK_EVENT as EVENT, ZENDESK_SECRET as SECRET, zendeskHeaders } from './cases/zendesk';

const TRIGGER = readFileSync(
  join(__dirname, '../../src/receivers/zendesk/fixtures/trigger-ticket.json'),
);
const NOW = new Date('2026-11-27T12:00:00Z');
const secondsFromNow = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/**
 * What is Zendesk's own: the timestamp window both ways and its toleranceSeconds option,
 * trigger webhooks, and the methods and formats it can be set to that the gateway does not
 * take. The contract every receiver keeps is in contract.e2e-spec.ts, row cases/zendesk.ts.
 */
describe('Zendesk receiver end to end', () => {
  let t: TestApp;
  let serial = 0;
  const clock = new ManualClock();
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const post = (endpoint: string, body: Buffer, at: Date, extra: Record<string, string> = {}) =>
    postRaw(
      t,
      `/webhooks/zendesk/${endpoint}`,
      { ...zendeskHeaders(body, { at, invocation: String(++serial) }), ...extra },
      body,
    );

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'zendesk', id: 'support', secrets: [SECRET] },
          {
            provider: 'zendesk',
            id: 'wide',
            secrets: [SECRET],
            options: { toleranceSeconds: 900 },
          },
        ],
      }),
      { clock },
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  it.each([
    [-299, 200],
    [299, 200],
    [-301, 401],
    [301, 401],
  ])('signed %i s from now: %i with the default window', async (offset, status) => {
    const res = await post('support', EVENT, secondsFromNow(offset));
    expect(res.status).toBe(status);
    if (status === 401) expect(res.body.error).toBe('stale-timestamp');
  });

  it.each([
    [-899, 200],
    [899, 200],
    [-901, 401],
    [901, 401],
  ])('signed %i s from now: %i with toleranceSeconds 900', async (offset, status) => {
    const res = await post('wide', EVENT, secondsFromNow(offset));
    expect(res.status).toBe(status);
    if (status === 401) expect(res.body.error).toBe('stale-timestamp');
  });

  it('stores a trigger webhook as `trigger`, keyed on its invocation id', async () => {
    const res = await post('support', TRIGGER, NOW);
    expect(res.status).toBe(200);
    const stored = await admin(`/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      type: 'trigger',
      providerDeliveryId: String(serial),
      payload: JSON.parse(TRIGGER.toString()),
    });
  });

  it.each(['PUT', 'PATCH', 'DELETE', 'GET'])(
    'refuses a webhook set to %s (405, Allow: POST)',
    async (method) => {
      const headers = zendeskHeaders(EVENT, { at: NOW });
      const res = await t
        .http()
        [method.toLowerCase() as 'put' | 'patch' | 'delete' | 'get']('/webhooks/zendesk/support')
        .set(headers);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
    },
  );

  it.each([
    ['xml', 'application/xml', '<ticket><id>35436</id></ticket>'],
    [
      'form_encoded (its fields travel unsigned in the URL)',
      'application/x-www-form-urlencoded',
      '',
    ],
  ])('refuses a webhook in the %s format (415)', async (_case, contentType, text) => {
    const res = await post('support', Buffer.from(text), NOW, { 'content-type': contentType });
    expect(res.status).toBe(415);
  });
});
