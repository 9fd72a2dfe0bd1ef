import { RECEIVERS } from '../../src/receivers/receivers';
import { auth } from '../helpers/dispatch';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

describe('GET /admin/providers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(testConfig());
  });
  afterAll(() => t.close());

  it('needs the admin token', async () => {
    expect((await t.http().get('/admin/providers')).status).toBe(401);
  });

  it('lists every registered provider once, sorted, with what it does', async () => {
    const res = await t.http().get('/admin/providers').set(auth);
    expect(res.status).toBe(200);
    const names = (res.body.items as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(RECEIVERS.map((r) => r.name).sort((a, b) => a.localeCompare(b)));
    const byName = new Map(res.body.items.map((p: { name: string }) => [p.name, p]));
    expect(byName.get('stripe')).toEqual({
      name: 'stripe',
      aliases: [],
      schemes: ['hmac'],
      handshakes: [],
      signsTimestamp: true,
      configurable: false,
      contentTypes: ['application/json'],
      methods: ['POST'],
      ackDeadlineMs: null,
      replies: false,
    });
    expect(byName.get('bitbucket')).toMatchObject({ ackDeadlineMs: 10_000 });
    expect(byName.get('slack')).toMatchObject({ ackDeadlineMs: 3_000, replies: true });
    expect(byName.get('instagram')).toMatchObject({
      schemes: ['hmac'],
      handshakes: ['verify-token-query'],
      methods: ['GET', 'POST'],
    });
    expect(byName.get('trello')).toMatchObject({
      schemes: ['hmac-url'],
      handshakes: ['plain-200'],
    });
    expect(byName.get('gitea')).toMatchObject({ aliases: ['forgejo'] });
    expect(byName.get('mailchimp')).toMatchObject({
      schemes: ['code'],
      handshakes: ['get-validator'],
    });
    expect(byName.get('hmac')).toMatchObject({ configurable: true });
    expect(byName.get('discord')).toMatchObject({
      schemes: ['ed25519'],
      handshakes: ['ping'],
      signsTimestamp: true,
      ackDeadlineMs: 3_000,
    });
    expect(byName.get('sendgrid')).toMatchObject({ schemes: ['ecdsa'], signsTimestamp: true });
  });
});
