import { auth } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { createTestApp, postRaw, TestApp } from '../helpers/test-app';

/**
 * Text the store keeps must fit every engine: PostgreSQL text cannot hold U+0000, so a NUL
 * from a signed payload is stored as U+FFFD (on both engines), and a filter holding one
 * matches nothing instead of failing the query.
 */
const SECRET = 'github-test-secret';

describe('NUL characters in stored text', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('stores a signed delivery whose action holds a NUL, with U+FFFD in its type', async () => {
    const body = JSON.stringify({ action: 'opened\u0000x', number: 1 });
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'pull_request'),
      body,
    );
    expect(res.status).toBe(200);
    const detail = await t.http().get(`/admin/deliveries/${res.body.id}`).set(auth);
    expect(detail.status).toBe(200);
    expect(detail.body.type).toBe('pull_request.opened\uFFFDx');
  });

  it.each(['type=push%00', 'endpoint=acme%00', 'provider=github%00'])(
    'answers %s with no deliveries',
    async (query) => {
      const res = await t.http().get(`/admin/deliveries?${query}`).set(auth);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    },
  );
});
