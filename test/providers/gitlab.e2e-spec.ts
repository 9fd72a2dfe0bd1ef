import { randomUUID } from 'node:crypto';
import pushHook from '../../src/receivers/gitlab/fixtures/push-hook.json';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { gitlabHeaders, gitlabSigningHeaders, newSigningToken } from './cases/gitlab';

const TOKEN = 'gitlab-e2e-secret-token';
const OLD_TOKEN = 'gitlab-e2e-previous-token';
const SIGNING = newSigningToken();
const OLD_SIGNING = newSigningToken();
const TOKEN_URL = '/webhooks/gitlab/classic';
const SIGNED_URL = '/webhooks/gitlab/signed';

/**
 * What is GitLab's own: the delivery id's fallback to X-Gitlab-Event-UUID, a near-miss token,
 * and how the two modes keep apart (a plain token on a signing-token endpoint, an unsigned
 * Idempotency-Key). The contract every receiver keeps is in contract.e2e-spec.ts, with a row
 * per mode in cases/gitlab.ts.
 */
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

    it('401 for the token with its last character changed', async () => {
      const headers = { ...gitlabHeaders('Push Hook'), 'x-gitlab-token': `${TOKEN.slice(0, -1)}X` };
      const res = await postRaw(t, TOKEN_URL, headers, push);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    });
  });

  describe('signing token (whsec_ secret)', () => {
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
        ...gitlabSigningHeaders(SIGNING, push, clock.now()),
        'idempotency-key': randomUUID(),
      };
      expect((await postRaw(t, SIGNED_URL, headers, push)).status).toBe(401);
    });
  });
});
