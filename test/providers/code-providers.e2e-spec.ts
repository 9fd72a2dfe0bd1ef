import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { azureDevOpsBasic, AZURE_DEVOPS_GIT_PUSH } from './cases/azure-devops';
import { CODE, codeFixture } from './cases/code-case';
import { MAILCHIMP_FORM, MAILCHIMP_SUBSCRIBE } from './cases/mailchimp';
import { MYGET_MEDIA_TYPE } from './cases/myget';

const DEVOPS = 'hookgate:devops-e2e-password';
const ENDPOINTS = [
  { provider: 'mailchimp', id: 'audience', secrets: [CODE] },
  { provider: 'myget', id: 'feed', secrets: [CODE] },
  { provider: 'kudu', id: 'site', secrets: [CODE] },
  { provider: 'azure-devops', id: 'project', secrets: [DEVOPS] },
];
const AUDIENCE = '/webhooks/mailchimp/audience';
const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * What the ?code= family does beyond the contract (contract.e2e-spec.ts, rows cases/*.ts):
 * Mailchimp's validator GET, MyGet's ping, a code anywhere but the query, start-up checks of
 * secrets, and Azure DevOps' Basic credentials. code-providers.logs.e2e-spec.ts checks that the
 * code is never logged.
 */
describe('?code= providers end to end', () => {
  let t: TestApp;
  const storedCount = async () => {
    const list = await t
      .http()
      .get('/admin/deliveries?limit=500')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`);
    return list.body.items.length as number;
  };

  beforeAll(async () => {
    t = await createTestApp(testConfig({ endpoints: ENDPOINTS }));
  });
  afterAll(() => t.close());

  describe("Mailchimp's webhook validator (GET)", () => {
    it('is answered 200 with no body once the code matched, and nothing is stored', async () => {
      const before = await storedCount();
      const res = await t.http().get(`${AUDIENCE}?code=${CODE}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(await storedCount()).toBe(before);
    });

    it.each([
      ['no code', AUDIENCE],
      ['a wrong code', `${AUDIENCE}?code=${'0'.repeat(40)}`],
      ['the code under another name', `${AUDIENCE}?secret=${CODE}`],
    ])('is refused 401 with %s, never echoing a code', async (_name, url) => {
      const res = await t.http().get(url);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'signature', message: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toContain(CODE);
    });
  });

  describe("MyGet's ping", () => {
    const ping = codeFixture('myget', 'ping.json');
    const headers = { 'content-type': MYGET_MEDIA_TYPE };

    it('is answered 200 once the code matched, and never stored', async () => {
      const before = await storedCount();
      const res = await postRaw(t, `/webhooks/myget/feed?code=${CODE}`, headers, ping);
      expect(res.status).toBe(200);
      expect(await storedCount()).toBe(before);
    });

    it('is refused 401 without the code', async () => {
      expect((await postRaw(t, '/webhooks/myget/feed', headers, ping)).status).toBe(401);
    });
  });

  describe('a code anywhere but the query is no code', () => {
    const form = { 'content-type': MAILCHIMP_FORM };
    const withCodeField = Buffer.from(`${MAILCHIMP_SUBSCRIBE}&code=${CODE}`);
    it.each<[string, string, Record<string, string>, Buffer, number]>([
      ['in a code header', AUDIENCE, { ...form, code: CODE }, MAILCHIMP_SUBSCRIBE, 401],
      ['in a form field', AUDIENCE, form, withCodeField, 401],
      [
        'as a bearer token',
        AUDIENCE,
        { ...form, authorization: `Bearer ${CODE}` },
        MAILCHIMP_SUBSCRIBE,
        401,
      ],
      ['under another name', `${AUDIENCE}?Code=${CODE}`, form, MAILCHIMP_SUBSCRIBE, 401],
      ['after a fragment', `${AUDIENCE}#code=${CODE}`, form, MAILCHIMP_SUBSCRIBE, 401],
      ['in the path (no such route)', `${AUDIENCE}/${CODE}`, form, MAILCHIMP_SUBSCRIBE, 404],
    ])('%s: refused, nothing stored', async (_name, url, headers, body, status) => {
      const before = await storedCount();
      const res = await postRaw(t, url, headers, body);
      expect(res.status).toBe(status);
      if (status === 401) {
        expect(res.body.error).toBe('signature');
        expect(JSON.stringify(res.body)).not.toContain(CODE);
      }
      expect(await storedCount()).toBe(before);
    });

    it('a second code after the right one does not replace it (the first counts)', async () => {
      const url = `/webhooks/kudu/site?code=${'1'.repeat(32)}&code=${CODE}`;
      const body = codeFixture('kudu', 'deployment-success.json');
      expect((await postRaw(t, url, JSON_TYPE, body)).status).toBe(401);
    });
  });

  describe('Azure DevOps: Basic credentials, not ?code=', () => {
    it.each(['azure-devops', 'vsts'])(
      'accepts the service hook credentials at /%s',
      async (name) => {
        const headers = { ...JSON_TYPE, authorization: azureDevOpsBasic(DEVOPS) };
        const res = await postRaw(t, `/webhooks/${name}/project`, headers, AZURE_DEVOPS_GIT_PUSH);
        expect(res.status).toBe(200);
      },
    );

    it("refuses the password in ASP.NET's ?code=", async () => {
      const url = `/webhooks/azure-devops/project?code=${encodeURIComponent(DEVOPS)}`;
      const res = await postRaw(t, url, JSON_TYPE, AZURE_DEVOPS_GIT_PUSH);
      expect(res.status).toBe(401);
    });
  });
});

describe('?code= and Basic secrets at start-up', () => {
  it.each([
    [
      'mailchimp',
      'short-mailchimp-code',
      /endpoints\[0\]\.secrets\[1\] is 20 characters long; a \?code= secret must be 32 to 128/,
    ],
    ['dynamics-crm', 'k'.repeat(129), /endpoints\[0\]\.secrets\[1\] is 129 characters long/],
    ['azure-devops', 'devops-password-only', /endpoints\[0\]\.secrets\[1\] must be user:password/],
  ])(
    'a %s endpoint refuses to start with a bad secret, naming it by index only',
    async (provider, bad, message) => {
      const good = provider === 'azure-devops' ? DEVOPS : CODE;
      const config = testConfig({ endpoints: [{ provider, id: 'x', secrets: [good, bad] }] });
      const failure = await createTestApp(config).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure?.message).toMatch(message);
      expect(failure?.message).not.toContain(bad);
    },
  );

  it('refuses an option, which these providers do not take', async () => {
    const config = testConfig({
      endpoints: [{ provider: 'kudu', id: 'x', secrets: [CODE], options: { code: CODE } }],
    });
    await expect(createTestApp(config)).rejects.toThrow(
      'endpoints[0].options.code is not a Kudu option; remove it (Kudu takes none): the secret goes in secrets.',
    );
  });
});
