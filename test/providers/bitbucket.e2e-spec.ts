import repoPush from '../../src/receivers/bitbucket/fixtures/repo-push.json';
import { createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { bitbucketHeaders } from './cases/bitbucket';

const SECRET = 'bitbucket-e2e-secret';
const OLD_SECRET = 'bitbucket-e2e-previous-secret';
const URL = '/webhooks/bitbucket/repos';

/**
 * What is Bitbucket's own: its signature travels in X-Hub-Signature, never GitHub's header name.
 * The contract every receiver keeps is in contract.e2e-spec.ts, row cases/bitbucket.ts.
 */
describe('Bitbucket receiver end to end', () => {
  let t: TestApp;
  const body = Buffer.from(JSON.stringify(repoPush));

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'bitbucket', id: 'repos', secrets: [SECRET, OLD_SECRET] }],
      }),
    );
  });
  afterAll(() => t.close());

  it("401 when signed with GitHub's header name instead", async () => {
    const signed = bitbucketHeaders(SECRET, body);
    const headers = {
      ...signed,
      'x-hub-signature': '',
      'x-hub-signature-256': signed['x-hub-signature'],
    };
    const res = await postRaw(t, URL, headers, body);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });
});
