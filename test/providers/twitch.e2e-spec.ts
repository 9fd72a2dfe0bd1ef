import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { send } from './contract-client';
import { TWITCH_SECRET, twitchFixture, twitchSigned } from './cases/twitch';

/**
 * What is Twitch's own: the signed webhook_callback_verification, answered with the challenge
 * as text/plain and never stored, and revocations, stored apart. The contract is in
 * contract.e2e-spec.ts, row cases/twitch.ts.
 */
describe('Twitch EventSub receiver end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const stored = async () =>
    (await admin('/deliveries?provider=twitch&limit=500')).body.items as { type: string }[];

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'twitch', id: 'stream', secrets: [TWITCH_SECRET] }] }),
      { clock },
    );
  });
  afterAll(() => t.close());

  it('answers the challenge exactly, as text/plain with nosniff, storing nothing', async () => {
    const before = (await stored()).length;
    const res = await send(
      t,
      twitchSigned(twitchFixture('challenge.json'), clock.now(), {
        type: 'webhook_callback_verification',
        id: 'challenge-1',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('pogchamp-kappa-360noscope-vohiyo');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await stored()).length).toBe(before);
  });

  it('refuses a challenge signed with another secret (401), echoing nothing', async () => {
    const res = await send(
      t,
      twitchSigned(twitchFixture('challenge.json'), clock.now(), {
        type: 'webhook_callback_verification',
        secret: 'not-the-secret',
      }),
    );
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('pogchamp');
  });

  it('stores a revocation as revocation.<subscription type>', async () => {
    const res = await send(
      t,
      twitchSigned(twitchFixture('revocation.json'), clock.now(), {
        type: 'revocation',
        id: 'revocation-1',
      }),
    );
    expect(res.status).toBe(200);
    expect((await stored()).map((d) => d.type)).toContain('revocation.channel.follow');
  });
});
