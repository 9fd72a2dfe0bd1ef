import { createHmac, randomUUID } from 'node:crypto';
import repoPush from '../../src/receivers/bitbucket/fixtures/repo-push.json';
import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'bitbucket-e2e-secret';
const OLD_SECRET = 'bitbucket-e2e-previous-secret';
const URL = '/webhooks/bitbucket/repos';

/** Signed as Bitbucket Cloud does, with node:crypto here (Bitbucket ships no SDK). */
function bitbucketHeaders(
  secret: string,
  body: Buffer,
  event = 'repo:push',
  request: string = randomUUID(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Bitbucket-Webhooks/2.0',
    'x-event-key': event,
    'x-hook-uuid': 'cb4a7cfc-1f4b-4a0b-9c0c-3a7a6c2d8f10',
    'x-request-uuid': request,
    'x-attempt-number': '1',
    'x-hub-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

describe('Bitbucket receiver end to end', () => {
  let t: TestApp;
  const body = Buffer.from(JSON.stringify(repoPush));
  const detail = (id: string) =>
    t.http().get(`/admin/deliveries/${id}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'bitbucket', id: 'repos', secrets: [SECRET, OLD_SECRET] }],
      }),
    );
  });
  afterAll(() => t.close());

  it('accepts the documented repo:push payload with the right type, id and payload', async () => {
    const res = await postRaw(
      t,
      URL,
      bitbucketHeaders(SECRET, body, 'repo:push', '5f1d2c3b-8a9e-4b7c-a6d5-e4f3a2b1c0d9'),
      body,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
    const stored = await detail(res.body.id);
    expect(stored.body).toMatchObject({
      provider: 'bitbucket',
      endpoint: 'repos',
      type: 'repo:push',
      providerDeliveryId: '5f1d2c3b-8a9e-4b7c-a6d5-e4f3a2b1c0d9',
    });
    expect(stored.body.payload).toEqual(repoPush);
  });

  it('answers a resend of the same X-Request-UUID (next attempt) with duplicate: true', async () => {
    const headers = bitbucketHeaders(
      SECRET,
      body,
      'repo:push',
      '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b',
    );
    const first = await postRaw(t, URL, headers, body);
    const again = await postRaw(t, URL, { ...headers, 'x-attempt-number': '2' }, body);
    expect(first.body.duplicate).toBe(false);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
  });

  it('accepts a delivery signed with the old secret (rotation)', async () => {
    expect((await postRaw(t, URL, bitbucketHeaders(OLD_SECRET, body), body)).status).toBe(200);
  });

  describe('refusals', () => {
    it.each([
      [
        'unsigned (a hook without a secret)',
        (h: Record<string, string>) => ({ ...h, 'x-hub-signature': '' }),
      ],
      ['signed with a wrong secret', () => bitbucketHeaders('wrong-secret', body)],
      ['signed over another body', () => bitbucketHeaders(SECRET, Buffer.from('{}'))],
      [
        "signed with GitHub's header name instead",
        (h: Record<string, string>) => ({
          ...h,
          'x-hub-signature': '',
          'x-hub-signature-256': h['x-hub-signature'],
        }),
      ],
    ])('401 when %s', async (_case, mutate) => {
      const res = await postRaw(t, URL, mutate(bitbucketHeaders(SECRET, body)), body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('401 for a body re-serialized with other whitespace', async () => {
      const headers = bitbucketHeaders(SECRET, body);
      const pretty = Buffer.from(JSON.stringify(repoPush, null, 2));
      expect((await postRaw(t, URL, headers, pretty)).status).toBe(401);
    });

    it('415 for an unsupported content type', async () => {
      const res = await postRaw(
        t,
        URL,
        { ...bitbucketHeaders(SECRET, body), 'content-type': 'text/plain' },
        body,
      );
      expect(res.status).toBe(415);
    });

    it('400 for a signed body that is not JSON, or a request without X-Event-Key', async () => {
      const garbage = Buffer.from('{"push":');
      expect((await postRaw(t, URL, bitbucketHeaders(SECRET, garbage), garbage)).status).toBe(400);
      const headers: Record<string, string> = bitbucketHeaders(SECRET, body);
      delete headers['x-event-key'];
      const res = await postRaw(t, URL, headers, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('malformed');
    });
  });
});
