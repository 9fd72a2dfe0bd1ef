import { randomUUID } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { githubHeaders } from '../helpers/github';
import { githubJson } from './cases/github';
import { InboxWriter, type NewDelivery } from '../../src/store/inbox/inbox.writer';

const SECRET = 'github-test-secret';
const URL = '/webhooks/github/acme';

type Example = { name: string; examples: Record<string, unknown>[] };
const cases = (examples as unknown as Example[]).flatMap(({ name, examples: payloads }) =>
  payloads.map((payload, i) => ({ event: name, i, payload })),
);

/**
 * What is GitHub's own: every payload of @octokit/webhooks-examples, GitHub's \u escapes, the
 * form-encoded mode, legacy SHA-1, and the inbox's de-duplication across batches. The contract
 * every receiver keeps is in contract.e2e-spec.ts, row cases/github.ts.
 */
describe('GitHub receiver end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'github', id: 'acme', secrets: ['a-newer-secret', SECRET] },
          { provider: 'github', id: 'legacy', secrets: [SECRET], options: { allowSha1: true } },
        ],
      }),
    );
  });
  afterAll(() => t.close());

  it(`accepts all ${cases.length} payloads of @octokit/webhooks-examples with the right type and id`, async () => {
    expect(cases.length).toBeGreaterThan(300);
    for (const { event, payload } of cases) {
      const body = githubJson(payload);
      const delivery = randomUUID();
      const res = await postRaw(t, URL, githubHeaders(SECRET, body, event, delivery), body);
      expect(res.status).toBe(200);
      expect(res.body.duplicate).toBe(false);

      const detail = await t
        .http()
        .get(`/admin/deliveries/${res.body.id}`)
        .set('authorization', `Bearer ${ADMIN_TOKEN}`);
      const action = typeof payload.action === 'string' ? payload.action : undefined;
      expect(detail.body).toMatchObject({
        provider: 'github',
        endpoint: 'acme',
        type: action ? `${event}.${action}` : event,
        providerDeliveryId: delivery,
      });
      expect(detail.body.payload).toEqual(payload);
    }
  });

  it('verifies a body with GitHub-style \\u00E9 escapes on its raw bytes', async () => {
    const body = Buffer.from('{"action":"edited","name":"Caf\\u00E9 \\u2603"}');
    const res = await postRaw(t, URL, githubHeaders(SECRET, body, 'label'), body);
    expect(res.status).toBe(200);
    const detail = await t
      .http()
      .get(`/admin/deliveries/${res.body.id}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(detail.body.payload.name).toBe('Café ☃');
    expect(detail.body.type).toBe('label.edited');
  });

  it('accepts the form-encoded mode (payload=<json>), signed over the encoded form', async () => {
    const body = Buffer.from(
      `payload=${encodeURIComponent('{"zen":"Keep it logically awesome.","hook_id":42}')}`,
    );
    const headers = {
      ...githubHeaders(SECRET, body, 'ping'),
      'content-type': 'application/x-www-form-urlencoded',
    };
    const res = await postRaw(t, URL, headers, body);
    expect(res.status).toBe(200);
    const detail = await t
      .http()
      .get(`/admin/deliveries/${res.body.id}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(detail.body).toMatchObject({ type: 'ping', payload: { hook_id: 42 } });
  });

  it('de-duplicates copies in consecutive batches (committing at once on PostgreSQL)', async () => {
    const inbox = t.app.get(InboxWriter);
    const copy = (): NewDelivery => ({
      provider: 'github',
      endpoint: 'acme',
      type: 'ping',
      providerDeliveryId: 'dup-two-batches',
      receivedAt: new Date(),
      headers: { 'x-github-event': 'ping' },
      rawBody: Buffer.from('{"zen":"Design for failure."}'),
    });
    const first = inbox.store(copy());
    await new Promise((resolve) => setImmediate(resolve)); // the first batch is committing
    const second = inbox.store(copy());
    const stored = await Promise.all([first, second]);
    // Either may commit first when both are in flight; one is stored, the other points at it.
    expect(stored.map((s) => s.duplicate).sort()).toEqual([false, true]);
    expect(stored[1].id).toBe(stored[0].id);
    const list = await t
      .http()
      .get('/admin/deliveries?type=ping&limit=500')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`);
    const copies = list.body.items.filter(
      (d: { providerDeliveryId: string }) => d.providerDeliveryId === 'dup-two-batches',
    );
    expect(copies.map((d: { id: string }) => d.id)).toEqual([stored[0].id]);
  });

  describe('SHA-1 (legacy X-Hub-Signature)', () => {
    const body = githubJson({ zen: 'Speak like a human.' });

    it('401 with only the legacy SHA-1 header', async () => {
      const headers = {
        ...githubHeaders(SECRET, body, 'ping'),
        'x-hub-signature-256': '',
        'x-hub-signature': 'sha1=' + '0'.repeat(40),
      };
      const res = await postRaw(t, URL, headers, body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('accepts SHA-1 only on an endpoint that enables it', async () => {
      const { createHmac } = await import('node:crypto');
      const headers = {
        ...githubHeaders(SECRET, body, 'ping'),
        'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`,
      };
      delete (headers as Record<string, string>)['x-hub-signature-256'];
      expect((await postRaw(t, '/webhooks/github/legacy', headers, body)).status).toBe(200);
      expect((await postRaw(t, URL, headers, body)).status).toBe(401);
    });
  });
});
