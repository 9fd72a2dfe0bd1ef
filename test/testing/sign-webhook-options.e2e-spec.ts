/**
 * signWebhook for the schemes the contract rows do not exercise: an endpoint's options that
 * change how a provider signs (Vonage's SMS API methods, Event Grid's query secret) and the
 * media types a provider may post in (Dropbox Sign). Each delivery goes to a real app. The
 * Vonage SMS signatures are also checked against @vonage/sms's published vectors.
 */
import { signWebhook } from '../../src/testing';
import { createTestApp, postRaw, testConfig, type TestApp } from '../helpers/test-app';

const SMS_METHODS = [
  'sms-md5hash',
  'sms-hmac-md5',
  'sms-hmac-sha1',
  'sms-hmac-sha256',
  'sms-hmac-sha512',
] as const;
const VONAGE_SECRET = 'vonage-kit-signature-secret';
const GRID_SECRET = 'event-grid-kit-secret';
const DROPBOX_KEY = 'dropbox-sign-kit-api-key';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(
    testConfig({
      endpoints: [
        ...SMS_METHODS.map((signature) => ({
          provider: 'vonage',
          id: signature,
          secrets: [VONAGE_SECRET],
          options: { signature },
        })),
        {
          provider: 'azure-event-grid',
          id: 'q',
          secrets: [GRID_SECRET],
          options: { query: 'code' },
        },
        { provider: 'dropbox-sign', id: 'cb', secrets: [DROPBOX_KEY] },
      ],
    }),
  );
});
afterAll(() => t?.close());

const pathWith = (path: string, query: Readonly<Record<string, string>>) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

// @vonage/sms's published vectors (vonage-node-sdk packages/sms/__tests__/__dataSets__/signature.ts).
const VECTOR_SECRET = 'my_secret_key_for_testing';
const VECTOR_PARAMS = {
  'message-timestamp': '2013-11-21 15:27:30',
  messageId: '020000001B0FE827',
  msisdn: '14843472194',
  text: 'Test again',
  timestamp: '1385047698',
  to: '13239877404',
  type: 'text',
};
const VECTORS: Record<(typeof SMS_METHODS)[number], string> = {
  'sms-md5hash': 'd2e7b1dc968737c5998ad624e02f90b7',
  'sms-hmac-md5': 'DDEBD46008C2D4E93CCE578A332A52D5',
  'sms-hmac-sha1': '27D0D05C2876C7CB1720DBCDBA4D492E1E55C09A',
  'sms-hmac-sha256': 'DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330',
  'sms-hmac-sha512':
    'E0D3C650F8C9D1A5C174D10DDDBFB003E561F59B265616208B0487C5D819481CD3C311D59CF6165ECD1139622D5BA3A256C0D763AC4A9AD9144B5A426B94FE82',
};

describe.each(SMS_METHODS)('Vonage SMS API, %s', (signature) => {
  it("makes @vonage/sms's published signature", () => {
    const signed = signWebhook('vonage', {
      secret: VECTOR_SECRET,
      payload: VECTOR_PARAMS,
      options: { signature },
      contentType: 'application/x-www-form-urlencoded',
    });
    const sig = new URLSearchParams(signed.body.toString()).get('sig');
    expect(sig?.toLowerCase()).toBe(VECTORS[signature].toLowerCase());
  });

  it.each(['application/x-www-form-urlencoded', 'application/json'])(
    'is accepted as %s',
    async (contentType) => {
      const payload = { ...VECTOR_PARAMS, messageId: `kit-${signature}-${contentType.length}` };
      delete (payload as Partial<typeof payload>).timestamp;
      const signed = signWebhook('vonage', {
        secret: VONAGE_SECRET,
        payload,
        options: { signature },
        contentType,
      });
      const res = await postRaw(t, `/webhooks/vonage/${signature}`, signed.headers, signed.body);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    },
  );
});

it('puts the Event Grid secret in the query options.query names', async () => {
  const signed = signWebhook('azure-event-grid', {
    secret: GRID_SECRET,
    options: { query: 'code' },
  });
  expect(signed.query).toEqual({ code: GRID_SECRET });
  const path = pathWith('/webhooks/azure-event-grid/q', signed.query);
  const res = await postRaw(t, path, signed.headers, signed.body);
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
});

it.each(['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'])(
  'signs a Dropbox Sign callback posted as %s',
  async (contentType) => {
    const signed = signWebhook('dropbox-sign', { secret: DROPBOX_KEY, contentType });
    expect(signed.headers['content-type']).toMatch(new RegExp(`^${contentType}`));
    const res = await postRaw(t, '/webhooks/dropbox-sign/cb', signed.headers, signed.body);
    expect({ status: res.status, text: res.text }).toMatchObject({ status: 200 });
  },
);
