import twilio from 'twilio';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { postAbsoluteForm } from './absolute-form-client';
import {
  TWILIO_FORM as FORM,
  twilioFixture as fixture,
  twilioFormHeaders,
  twilioSdkParams as sdkParams,
} from './cases/twilio';

const TOKEN = 'twilio-auth-token-primary';
const SMS_URL = 'https://hooks.example.com/webhooks/twilio/sms';

/** Signed by twilio-node itself. */
const formHeaders = (url: string, body: Buffer, token = TOKEN) =>
  twilioFormHeaders(url, body, token);

/**
 * What is Twilio's own: I-Twilio-Idempotency-Token, the published vectors, the URL a signature
 * covers (publicUrl, :443, the rebuilt URL, an absolute-form target), repeated keys, JSON bodies
 * and bodySHA256, and agreement with twilio-node. The contract every receiver keeps (incoming
 * SMS, repeats, refusals) is in contract.e2e-spec.ts, row cases/twilio.ts.
 */
describe('Twilio receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          // The secondary token is listed first: Twilio signs with whichever is primary.
          {
            provider: 'twilio',
            id: 'sms',
            secrets: ['twilio-auth-token-secondary', TOKEN],
            publicUrl: SMS_URL,
          },
          {
            provider: 'twilio',
            id: 'vector',
            secrets: ['12345'],
            publicUrl: 'https://mycompany.com/myapp.php?foo=1&bar=2',
          },
          {
            provider: 'twilio',
            id: 'port',
            secrets: [TOKEN],
            publicUrl: 'https://hooks.example.com:443/webhooks/twilio/port',
          },
          { provider: 'twilio', id: 'rebuilt', secrets: [TOKEN] },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('de-duplicates on I-Twilio-Idempotency-Token when Twilio sends one', async () => {
    const body = fixture('message-status.txt');
    const headers = { ...formHeaders(SMS_URL, body), 'i-twilio-idempotency-token': 'idem-0001' };
    const first = await postRaw(t, '/webhooks/twilio/sms', headers, body);
    const retry = await postRaw(t, '/webhooks/twilio/sms', headers, body);
    expect(retry.headers['x-hookgate-duplicate']).toBe('true');
    expect(retry.headers['x-hookgate-delivery-id']).toBe(first.headers['x-hookgate-delivery-id']);
    const detail = await admin(`/deliveries/${first.headers['x-hookgate-delivery-id']}`);
    expect(detail.body).toMatchObject({ type: 'message.status', providerDeliveryId: 'idem-0001' });
  });

  it('accepts published form vector (a) at its URL', async () => {
    const body = Buffer.from(
      'CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212',
    );
    const headers = { 'content-type': FORM, 'x-twilio-signature': 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' };
    const res = await postRaw(t, '/webhooks/twilio/vector?foo=1&bar=2', headers, body);
    expect(res.status).toBe(200);
    const detail = await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`);
    expect(detail.body).toMatchObject({ type: 'call', providerDeliveryId: 'CA1234567890ABCDE' });
  });

  it('accepts published JSON vector (b): bodySHA256 from the request query, signature over the URL', async () => {
    const body = fixture('json-body.json');
    const hash = '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
    const headers = {
      'content-type': 'application/json',
      'x-twilio-signature': 'a9nBmqA0ju/hNViExpshrM61xv4=',
    };
    const res = await postRaw(
      t,
      `/webhooks/twilio/vector?foo=1&bar=2&bodySHA256=${hash}`,
      headers,
      body,
    );
    expect(res.status).toBe(200);
    const detail = await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`);
    expect(detail.body).toMatchObject({
      type: 'unknown',
      payload: { property: 'value', boolean: true },
    });
  });

  it('accepts a signature made without :443 when publicUrl has it (twilio-node URL variants)', async () => {
    const body = Buffer.from(
      fixture('incoming-sms.txt')
        .toString()
        .replace(/SM1f0e/g, 'SM2f0e'),
    );
    const res = await postRaw(
      t,
      '/webhooks/twilio/port',
      formHeaders('https://hooks.example.com/webhooks/twilio/port', body),
      body,
    );
    expect(res.status).toBe(200);
  });

  it('accepts repeated keys, signed once per distinct value', async () => {
    const body = Buffer.from(
      `${fixture('incoming-sms.txt')
        .toString()
        .replace(/SM1f0e/g, 'SM3f0e')}&MediaUrl=b&MediaUrl=a`,
    );
    const res = await postRaw(t, '/webhooks/twilio/sms', formHeaders(SMS_URL, body), body);
    expect(res.status).toBe(200);
    const detail = await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`);
    expect(detail.body.payload.MediaUrl).toEqual(['b', 'a']);
  });

  it('without publicUrl, checks the URL rebuilt from the request, query included', async () => {
    const body = Buffer.from(
      fixture('incoming-sms.txt')
        .toString()
        .replace(/SM1f0e/g, 'SM4f0e'),
    );
    const url = 'http://gateway.test/webhooks/twilio/rebuilt?tenant=7';
    const res = await postRaw(
      t,
      '/webhooks/twilio/rebuilt?tenant=7',
      { ...formHeaders(url, body), host: 'gateway.test' },
      body,
    );
    expect(res.status).toBe(200);
  });

  it('checks the URL an absolute-form target names (as a forward proxy sends it)', async () => {
    const body = Buffer.from(
      fixture('incoming-sms.txt')
        .toString()
        .replace(/SM1f0e/g, 'SM5f0e'),
    );
    const url = 'http://gateway.test/webhooks/twilio/rebuilt?tenant=8';
    const server = t.app.getHttpServer();
    // The Host header names the gateway's listener; the target's own host is what was signed.
    expect(await postAbsoluteForm(server, url, formHeaders(url, body), body)).toBe(200);
    const elsewhere = formHeaders(url.replace('gateway.test', 'other.test'), body);
    expect(await postAbsoluteForm(server, url, elsewhere, body)).toBe(401);
  });

  describe('refusals', () => {
    const body = fixture('incoming-sms.txt');

    it('401 when signed for another URL', async () => {
      const headers = formHeaders(`${SMS_URL}/other`, body);
      const res = await postRaw(t, '/webhooks/twilio/sms', headers, body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    });

    it('401 for a JSON body that does not match its bodySHA256, or has none', async () => {
      const json = Buffer.from('{"EventType":"onMessageAdded"}');
      const hash = twilio.getExpectedBodyHash('{"EventType":"onMessageRemoved"}');
      const url = `${SMS_URL}?bodySHA256=${hash}`;
      const signature = twilio.getExpectedTwilioSignature(TOKEN, url, {});
      const headers = { 'content-type': 'application/json', 'x-twilio-signature': signature };
      expect(
        (await postRaw(t, `/webhooks/twilio/sms?bodySHA256=${hash}`, headers, json)).status,
      ).toBe(401);
      const unhashed = {
        ...headers,
        'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, SMS_URL, {}),
      };
      expect((await postRaw(t, '/webhooks/twilio/sms', unhashed, json)).status).toBe(401);
    });
  });

  describe('agrees with twilio-node validateRequest on the same requests', () => {
    const base = fixture('message-status.txt').toString();
    // [case, body sent, signature, twilio-node and the gateway both accept?]
    const cases: [string, string, string, boolean][] = [
      [
        'a body that differs from the one signed',
        base.replace('delivered', 'sent'),
        twilio.getExpectedTwilioSignature(
          TOKEN,
          SMS_URL,
          sdkParams(Buffer.from(base.replace(/delivered/g, 'sent'))),
        ),
        false,
      ],
      [
        'the same, signed over the body sent',
        base.replace(/delivered/g, 'sent'),
        twilio.getExpectedTwilioSignature(
          TOKEN,
          SMS_URL,
          sdkParams(Buffer.from(base.replace(/delivered/g, 'sent'))),
        ),
        true,
      ],
      [
        'a + that should have been %2B',
        base.replace('To=%2B1', 'To=+1'),
        twilio.getExpectedTwilioSignature(TOKEN, SMS_URL, sdkParams(Buffer.from(base))),
        false,
      ],
      [
        'a signature made over the URL with :443',
        base.replace(/delivered/g, 'failed'),
        twilio.getExpectedTwilioSignature(
          TOKEN,
          'https://hooks.example.com:443/webhooks/twilio/sms',
          sdkParams(Buffer.from(base.replace(/delivered/g, 'failed'))),
        ),
        true,
      ],
    ];

    it.each(cases)('%s', async (_case, sent, signature, accepted) => {
      const body = Buffer.from(sent);
      const sdk = twilio.validateRequest(TOKEN, signature, SMS_URL, sdkParams(body));
      const res = await postRaw(
        t,
        '/webhooks/twilio/sms',
        { 'content-type': FORM, 'x-twilio-signature': signature },
        body,
      );
      expect(sdk).toBe(accepted);
      expect(res.status === 200).toBe(accepted);
    });
  });
});
