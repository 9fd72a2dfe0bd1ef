import { randomUUID } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { githubHeaders, githubSignature } from '../helpers/github';
import { InboxWriter, type NewDelivery } from '../../src/store/inbox.writer';

const SECRET = 'github-test-secret';
const URL = '/webhooks/github/acme';

/** GitHub's wire format: compact JSON with non-ASCII escaped as upper-case \uXXXX. */
function githubJson(payload: unknown): Buffer {
  const json = JSON.stringify(payload).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return Buffer.from(json, 'utf8');
}

type Example = { name: string; examples: Record<string, unknown>[] };
const cases = (examples as unknown as Example[]).flatMap(({ name, examples: payloads }) =>
  payloads.map((payload, i) => ({ event: name, i, payload })),
);

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

  it('answers a repeated X-GitHub-Delivery with duplicate: true and stores it once', async () => {
    const body = githubJson({ zen: 'Design for failure.' });
    const headers = githubHeaders(SECRET, body, 'ping', 'dup-0001');
    const first = await postRaw(t, URL, headers, body);
    const again = await postRaw(t, URL, headers, body);
    expect(first.body).toEqual({ id: first.body.id, duplicate: false });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    const list = await t
      .http()
      .get('/admin/deliveries?type=ping&limit=500')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(
      list.body.items.filter(
        (d: { providerDeliveryId: string }) => d.providerDeliveryId === 'dup-0001',
      ),
    ).toHaveLength(1);
  });

  it('de-duplicates concurrent copies of one delivery (same batch)', async () => {
    const body = githubJson({ zen: 'Approachable is better than simple.' });
    const headers = githubHeaders(SECRET, body, 'ping', 'dup-concurrent');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postRaw(t, URL, headers, body)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
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

  describe('refusals', () => {
    const body = githubJson({ zen: 'Speak like a human.' });

    it.each([
      ['unsigned', (h: Record<string, string>) => ({ ...h, 'x-hub-signature-256': '' })],
      [
        'signed with a wrong secret',
        (h: Record<string, string>) => ({
          ...h,
          'x-hub-signature-256': githubSignature('wrong', body),
        }),
      ],
      [
        'signed over another body',
        (h: Record<string, string>) => ({
          ...h,
          'x-hub-signature-256': githubSignature(SECRET, '{}'),
        }),
      ],
      [
        'with only the legacy SHA-1 header',
        (h: Record<string, string>) => ({
          ...h,
          'x-hub-signature-256': '',
          'x-hub-signature': 'sha1=' + '0'.repeat(40),
        }),
      ],
    ])('401 when %s', async (_case, mutate) => {
      const headers = mutate(githubHeaders(SECRET, body, 'ping'));
      const res = await postRaw(t, URL, headers, body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('401 for a tampered body', async () => {
      const headers = githubHeaders(SECRET, body, 'ping');
      const tampered = Buffer.from(body.toString().replace('human', 'robot'));
      expect((await postRaw(t, URL, headers, tampered)).status).toBe(401);
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

    it('404 for an unknown endpoint, or an endpoint of another provider', async () => {
      const headers = githubHeaders(SECRET, body, 'ping');
      expect((await postRaw(t, '/webhooks/github/nope', headers, body)).status).toBe(404);
      expect((await postRaw(t, '/webhooks/gitlab/acme', headers, body)).status).toBe(404);
      expect((await postRaw(t, '/webhooks/nope/acme', headers, body)).status).toBe(404);
    });

    it('415 for an unsupported content type', async () => {
      const headers = { ...githubHeaders(SECRET, body, 'ping'), 'content-type': 'text/plain' };
      const res = await postRaw(t, URL, headers, body);
      expect(res.status).toBe(415);
      expect(res.body.error).toBe('unsupported-media-type');
    });

    it('400 for a signed body that is not JSON, or lacks X-GitHub-Event', async () => {
      const garbage = Buffer.from('{"oops":');
      expect((await postRaw(t, URL, githubHeaders(SECRET, garbage, 'ping'), garbage)).status).toBe(
        400,
      );
      const headers = githubHeaders(SECRET, body, 'ping');
      delete (headers as Record<string, string>)['x-github-event'];
      expect((await postRaw(t, URL, headers, body)).status).toBe(400);
    });

    it('405 for GET on a provider without handshakes', async () => {
      const res = await t.http().get(URL);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
    });
  });
});
