import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import {
  MANDRILL_EVENTS as EVENTS,
  MANDRILL_FORM as FORM,
  MANDRILL_KEY as KEY,
  mandrillHeaders,
  mandrillRequest,
} from './cases/mandrill';
import { send } from './contract-client';

const URL = '/webhooks/mandrill/mail';

/**
 * What is Mandrill's own: the HEAD sent when a webhook is added, the empty batch it POSTs when
 * that HEAD fails, the URL a signature covers, and batches of several events. The contract every
 * receiver keeps is in contract.e2e-spec.ts, row cases/mandrill.ts.
 */
describe('Mandrill receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=mandrill&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          {
            provider: 'mandrill',
            id: 'mail',
            secrets: [KEY],
            publicUrl: 'https://hooks.example.com/webhooks/mandrill/mail',
          },
          // While a webhook is being added, with the generic key of Mandrill's POST fallback.
          {
            provider: 'mandrill',
            id: 'adding',
            secrets: [KEY, 'test-webhook'],
            publicUrl: 'https://hooks.example.com/webhooks/mandrill/adding',
          },
          { provider: 'mandrill', id: 'rebuilt', secrets: [KEY] },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the HEAD sent when a webhook is added with 200 and no body, and stores nothing', async () => {
    const before = await storedCount();
    const res = await t.http().head(URL);
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expect(await storedCount()).toBe(before);
  });

  it("answers the POST fallback (an empty batch signed with 'test-webhook') without storing it", async () => {
    const before = await storedCount();
    const fields = { mandrill_events: '[]' };
    const body = Buffer.from(new URLSearchParams(fields).toString());
    const headers = mandrillHeaders(
      fields,
      'test-webhook',
      'https://hooks.example.com/webhooks/mandrill/adding',
    );
    expect((await postRaw(t, '/webhooks/mandrill/adding', headers, body)).status).toBe(200);
    // An endpoint that does not hold the generic key refuses it.
    const refused = await postRaw(t, URL, mandrillHeaders(fields, 'test-webhook'), body);
    expect(refused.status).toBe(401);
    expect(await storedCount()).toBe(before);
  });

  it('stores a batch of several kinds of event typed mixed, with every event', async () => {
    const res = await send(t, mandrillRequest({ mandrill_events: JSON.stringify(EVENTS) }));
    expect(res.status).toBe(200);
    const stored = await admin(`/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      type: 'mixed',
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(stored.body.payload.mandrill_events.map((e: { event: string }) => e.event)).toEqual([
      'send',
      'deferral',
      'hard_bounce',
      'open',
    ]);
  });

  it.each([
    ['with a trailing slash', 'https://hooks.example.com/webhooks/mandrill/mail/'],
    ['over http', 'http://hooks.example.com/webhooks/mandrill/mail'],
  ])('refuses a signature made for the URL %s (401)', async (_case, signedUrl) => {
    const fields = { mandrill_events: JSON.stringify([EVENTS[1]]) };
    const res = await postRaw(
      t,
      URL,
      mandrillHeaders(fields, KEY, signedUrl),
      Buffer.from(new URLSearchParams(fields).toString()),
    );
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('exactly as entered in Mandrill');
    expect(JSON.stringify(res.body)).not.toContain(KEY);
  });

  it('without publicUrl, checks the URL rebuilt from the request, query included', async () => {
    const fields = { mandrill_events: JSON.stringify([EVENTS[2]]) };
    const headers = {
      ...mandrillHeaders(fields, KEY, 'http://gateway.test/webhooks/mandrill/rebuilt?tenant=7'),
      host: 'gateway.test',
    };
    const res = await postRaw(
      t,
      '/webhooks/mandrill/rebuilt?tenant=7',
      headers,
      Buffer.from(new URLSearchParams(fields).toString()),
    );
    expect(res.status).toBe(200);
  });

  it('refuses JSON (415): Mandrill posts a form', async () => {
    const res = await postRaw(t, URL, { 'content-type': 'application/json' }, Buffer.from('[]'));
    expect(res.body.message).toContain(FORM);
    expect(res.status).toBe(415);
  });
});
