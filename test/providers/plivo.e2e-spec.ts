import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { PLIVO_FORM as FORM, plivoFixture as fixture, plivoV2, plivoV3 } from './cases/plivo';

const TOKEN = 'plivo-subaccount-token';
const MAIN_TOKEN = 'plivo-main-account-token';
const VOICE_URL = 'https://hooks.example.com/webhooks/plivo/voice?app=demo&b=2';
const STRICT_URL = 'https://hooks.example.com/webhooks/plivo/strict';
const NONCE = '05429567804466091622';

const v3 = (url: string, body: Buffer, token = TOKEN, nonce = NONCE) => ({
  'content-type': FORM,
  'x-plivo-signature-v3': plivoV3(token, url, nonce, body),
  'x-plivo-signature-v3-nonce': nonce,
});
const v2 = (url: string, token = TOKEN, nonce = NONCE) => ({
  'content-type': FORM,
  'x-plivo-signature-v2': plivoV2(token, url, nonce),
  'x-plivo-signature-v2-nonce': nonce,
});
const withKey = (name: string, from: string, to: string) =>
  Buffer.from(fixture(name).toString().replaceAll(from, to));

/**
 * What is Plivo's own: V3 against V2 (which wins, acceptV2), several signatures in one header,
 * the main-account headers, and a URL with a query beside POST parameters. The contract every
 * receiver keeps is in contract.e2e-spec.ts, row cases/plivo.ts.
 */
describe('Plivo receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const stored = async (res: { headers: Record<string, string> }) =>
    (await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`)).body as object;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'plivo', id: 'voice', secrets: [TOKEN, MAIN_TOKEN], publicUrl: VOICE_URL },
          {
            provider: 'plivo',
            id: 'strict',
            secrets: [TOKEN],
            publicUrl: STRICT_URL,
            options: { acceptV2: false },
          },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('accepts a V2-signed message status callback (messaging signs V2 only)', async () => {
    const body = fixture('message-status.txt');
    const res = await postRaw(t, '/webhooks/plivo/voice?app=demo&b=2', v2(VOICE_URL), body);
    expect(res.status).toBe(200);
    expect(res.text).toBe('<Response/>');
    expect(await stored(res)).toMatchObject({
      type: 'message.status',
      providerDeliveryId: '2c4e8a4e-3a36-11ef-9f2f-0242ac110002:delivered',
    });
  });

  it('accepts V3 with several comma-separated signatures when one matches', async () => {
    const body = fixture('call-hangup.txt');
    const headers = v3(VOICE_URL, body);
    headers['x-plivo-signature-v3'] =
      `${plivoV3('retired-token', VOICE_URL, NONCE, body)},${headers['x-plivo-signature-v3']}`;
    const res = await postRaw(t, '/webhooks/plivo/voice?app=demo&b=2', headers, body);
    expect(res.status).toBe(200);
    expect(await stored(res)).toMatchObject({
      type: 'call.hangup',
      providerDeliveryId: '97ceeb52-58b6-11e1-86da-77300b68f8bb:completed',
    });
  });

  it('refuses V3 when no signature in the list matches', async () => {
    const body = fixture('call-hangup.txt');
    const headers = v3(VOICE_URL, body, 'one');
    headers['x-plivo-signature-v3'] += `,${plivoV3('two', VOICE_URL, NONCE, body)}`;
    const res = await postRaw(t, '/webhooks/plivo/voice?app=demo&b=2', headers, body);
    expect(res.status).toBe(401);
  });

  it('accepts X-Plivo-Signature-Ma-V3, made with the main account token', async () => {
    const body = withKey('call-hangup.txt', '97ceeb52', 'a1ceeb52');
    const signed = v3(VOICE_URL, body, MAIN_TOKEN);
    const headers = {
      'content-type': FORM,
      'x-plivo-signature-ma-v3': signed['x-plivo-signature-v3'],
      'x-plivo-signature-v3-nonce': NONCE,
    };
    const res = await postRaw(t, '/webhooks/plivo/voice?app=demo&b=2', headers, body);
    expect(res.status).toBe(200);
  });

  it('signs the query and the body together: either changed is refused', async () => {
    const body = withKey('inbound-sms.txt', '2c4e8a4e', 'b3c4e8a4');
    const otherQuery = 'https://hooks.example.com/webhooks/plivo/voice?app=demo&b=3';
    const path = '/webhooks/plivo/voice?app=demo&b=2';
    const badQuery = await postRaw(t, path, v3(otherQuery, body), body);
    expect(badQuery.status).toBe(401);
    expect(badQuery.body.message).toMatch(/publicUrl/);
    const badBody = await postRaw(t, path, v3(VOICE_URL, body), Buffer.from(`${body}&X=1`));
    expect(badBody.status).toBe(401);
    const good = await postRaw(t, path, v3(VOICE_URL, body), body);
    expect(good.status).toBe(200);
  });

  it('lets V3 win: a failing V3 is refused even beside a valid V2', async () => {
    const body = withKey('inbound-sms.txt', '2c4e8a4e', 'c5d4e8a4');
    const headers = { ...v2(VOICE_URL), ...v3(VOICE_URL, body, 'wrong-token') };
    const res = await postRaw(t, '/webhooks/plivo/voice?app=demo&b=2', headers, body);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/X-Plivo-Signature-V3 does not match/);
  });

  it('refuses a request with neither header, saying so', async () => {
    const body = fixture('inbound-sms.txt');
    const res = await postRaw(t, '/webhooks/plivo/voice', { 'content-type': FORM }, body);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/Neither X-Plivo-Signature-V3 nor X-Plivo-Signature-V2/);
  });

  it('refuses V2 on an endpoint with acceptV2: false, and accepts V3 there', async () => {
    const body = withKey('call-hangup.txt', '97ceeb52', 'd7ceeb52');
    const refused = await postRaw(t, '/webhooks/plivo/strict', v2(STRICT_URL), body);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/acceptV2 is false/);
    const accepted = await postRaw(t, '/webhooks/plivo/strict', v3(STRICT_URL, body), body);
    expect(accepted.status).toBe(200);
  });
});
