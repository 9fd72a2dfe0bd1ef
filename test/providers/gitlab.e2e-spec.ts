import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import mergeRequestHook from '../../src/receivers/gitlab/fixtures/merge-request-hook.json';
import pushHook from '../../src/receivers/gitlab/fixtures/push-hook.json';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';

const TOKEN = 'gitlab-e2e-secret-token';
const OLD_TOKEN = 'gitlab-e2e-previous-token';
// GitLab's signing-token format: "whsec_" + strict base64 of 32 random bytes.
const SIGNING = 'whsec_' + randomBytes(32).toString('base64');
const OLD_SIGNING = 'whsec_' + randomBytes(32).toString('base64');
const TOKEN_URL = '/webhooks/gitlab/classic';
const SIGNED_URL = '/webhooks/gitlab/signed';

/** The headers GitLab sends with every hook (from its webhook documentation). */
function gitlabHeaders(event: string, id: string = randomUUID()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'GitLab/18.6.0',
    'x-gitlab-event': event,
    'x-gitlab-event-uuid': randomUUID(),
    'x-gitlab-webhook-uuid': '3c9d3b1e-7f45-4a5e-9c1f-0d7c8b6a5e4f',
    'x-gitlab-instance': 'https://gitlab.example.com',
    'idempotency-key': id,
  };
}

/** Signing-token mode: Standard Webhooks headers, signed with the standardwebhooks SDK. */
function signingHeaders(
  secret: string,
  body: Buffer,
  at: Date,
  id: string = randomUUID(),
): Record<string, string> {
  return {
    ...gitlabHeaders('Push Hook', id),
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

describe('GitLab receiver end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;
  const push = Buffer.from(JSON.stringify(pushHook));
  const detail = (id: string) =>
    t.http().get(`/admin/deliveries/${id}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'gitlab', id: 'classic', secrets: [TOKEN, OLD_TOKEN] },
          { provider: 'gitlab', id: 'signed', secrets: [SIGNING, OLD_SIGNING] },
        ],
      }),
      { clock },
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(new Date('2026-11-27T12:00:00Z')));

  describe('secret token (X-Gitlab-Token)', () => {
    it('accepts the documented merge request hook, types it, and never stores the token', async () => {
      const body = Buffer.from(JSON.stringify(mergeRequestHook));
      const headers = {
        ...gitlabHeaders('Merge Request Hook', 'idem-mr-1'),
        'x-gitlab-token': TOKEN,
      };
      const res = await postRaw(t, TOKEN_URL, headers, body);
      expect(res.status).toBe(200);
      const stored = await detail(res.body.id);
      expect(stored.body).toMatchObject({
        provider: 'gitlab',
        endpoint: 'classic',
        type: 'merge_request.open',
        providerDeliveryId: 'idem-mr-1',
      });
      expect(stored.body.payload).toEqual(mergeRequestHook);
      expect(stored.body.headers['x-gitlab-event']).toBe('Merge Request Hook');
      expect(stored.body.headers).not.toHaveProperty('x-gitlab-token');
      expect(JSON.stringify(stored.body)).not.toContain(TOKEN);
    });

    it('falls back to X-Gitlab-Event-UUID without an Idempotency-Key', async () => {
      const headers: Record<string, string> = {
        ...gitlabHeaders('Push Hook'),
        'x-gitlab-token': TOKEN,
      };
      delete headers['idempotency-key'];
      const res = await postRaw(t, TOKEN_URL, headers, push);
      expect(res.status).toBe(200);
      expect((await detail(res.body.id)).body).toMatchObject({
        type: 'push',
        providerDeliveryId: headers['x-gitlab-event-uuid'],
      });
    });

    it('answers a retry (same Idempotency-Key, new event UUID) with duplicate: true', async () => {
      const first = await postRaw(
        t,
        TOKEN_URL,
        { ...gitlabHeaders('Push Hook', 'idem-dup'), 'x-gitlab-token': TOKEN },
        push,
      );
      const retry = await postRaw(
        t,
        TOKEN_URL,
        { ...gitlabHeaders('Push Hook', 'idem-dup'), 'x-gitlab-token': TOKEN },
        push,
      );
      expect(first.body.duplicate).toBe(false);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ id: first.body.id, duplicate: true });
    });

    it('accepts the old token during rotation', async () => {
      const res = await postRaw(
        t,
        TOKEN_URL,
        { ...gitlabHeaders('Push Hook'), 'x-gitlab-token': OLD_TOKEN },
        push,
      );
      expect(res.status).toBe(200);
    });

    it.each([
      ['a missing token', {}],
      ['a wrong token', { 'x-gitlab-token': 'guess' }],
      ['the token with its last character changed', { 'x-gitlab-token': `${TOKEN.slice(0, -1)}X` }],
    ])('401 for %s', async (_case, extra) => {
      const res = await postRaw(t, TOKEN_URL, { ...gitlabHeaders('Push Hook'), ...extra }, push);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    });
  });

  describe('signing token (whsec_ secret)', () => {
    it('accepts a push hook signed the Standard Webhooks way', async () => {
      const res = await postRaw(
        t,
        SIGNED_URL,
        signingHeaders(SIGNING, push, clock.now(), 'idem-signed-1'),
        push,
      );
      expect(res.status).toBe(200);
      expect((await detail(res.body.id)).body).toMatchObject({
        endpoint: 'signed',
        type: 'push',
        providerDeliveryId: 'idem-signed-1',
      });
    });

    it('accepts the old signing token during rotation, and a retry is a duplicate', async () => {
      const first = await postRaw(
        t,
        SIGNED_URL,
        signingHeaders(OLD_SIGNING, push, clock.now(), 'idem-signed-2'),
        push,
      );
      clock.advance(60_000);
      const retry = await postRaw(
        t,
        SIGNED_URL,
        signingHeaders(SIGNING, push, clock.now(), 'idem-signed-2'),
        push,
      );
      expect(first.status).toBe(200);
      expect(retry.body).toEqual({ id: first.body.id, duplicate: true });
    });

    it('refuses the plain X-Gitlab-Token on a signing-token endpoint', async () => {
      const res = await postRaw(
        t,
        SIGNED_URL,
        { ...gitlabHeaders('Push Hook'), 'x-gitlab-token': SIGNING },
        push,
      );
      expect(res.status).toBe(401);
    });

    it('401 for a replay whose unsigned Idempotency-Key was changed to dodge de-duplication', async () => {
      const headers = {
        ...signingHeaders(SIGNING, push, clock.now()),
        'idempotency-key': randomUUID(),
      };
      expect((await postRaw(t, SIGNED_URL, headers, push)).status).toBe(401);
    });

    it('401 for a tampered body or another key', async () => {
      const headers = signingHeaders(SIGNING, push, clock.now());
      const tampered = Buffer.from(push.toString().replace('master', 'main'));
      expect((await postRaw(t, SIGNED_URL, headers, tampered)).status).toBe(401);
      const foreign = signingHeaders(
        'whsec_' + randomBytes(32).toString('base64'),
        push,
        clock.now(),
      );
      expect((await postRaw(t, SIGNED_URL, foreign, push)).status).toBe(401);
    });

    it('401 stale-timestamp for a signature 6 minutes old or 6 minutes ahead', async () => {
      for (const offset of [-6 * 60_000, 6 * 60_000]) {
        const at = new Date(clock.now().getTime() + offset);
        const res = await postRaw(t, SIGNED_URL, signingHeaders(SIGNING, push, at), push);
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('stale-timestamp');
      }
    });
  });

  it('415 for a non-JSON content type', async () => {
    const res = await postRaw(
      t,
      TOKEN_URL,
      { ...gitlabHeaders('Push Hook'), 'x-gitlab-token': TOKEN, 'content-type': 'text/plain' },
      push,
    );
    expect(res.status).toBe(415);
  });

  it('400 for an authenticated body that is not JSON, or has no object_kind', async () => {
    for (const bad of ['{"object_kind":', '{"ref":"refs/heads/main"}']) {
      const res = await postRaw(
        t,
        TOKEN_URL,
        { ...gitlabHeaders('Push Hook'), 'x-gitlab-token': TOKEN },
        bad,
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('malformed');
    }
    const bad = Buffer.from('{"object_kind":');
    const signedBad = await postRaw(t, SIGNED_URL, signingHeaders(SIGNING, bad, clock.now()), bad);
    expect(signedBad.status).toBe(400);
  });
});
