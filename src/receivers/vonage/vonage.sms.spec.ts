import type { IncomingWebhook } from '../receiver';
import { vonageReceiver } from './vonage.receiver';
import type { VonageOptions, VonageSignature } from './vonage.options';
import { vonageSdkVerdicts } from './vonage.sdk.spec-helpers';

// @vonage/sms's published vectors (vonage-node-sdk packages/sms/__tests__/__dataSets__/signature.ts).
const SECRET = 'my_secret_key_for_testing';
const PARAMS = {
  'message-timestamp': '2013-11-21 15:27:30',
  messageId: '020000001B0FE827',
  msisdn: '14843472194',
  text: 'Test again',
  timestamp: '1385047698',
  to: '13239877404',
  type: 'text',
};
const VECTORS: [VonageSignature, string, string][] = [
  ['sms-md5hash', 'MD5HASH', 'd2e7b1dc968737c5998ad624e02f90b7'],
  ['sms-hmac-md5', 'MD5HMAC', 'DDEBD46008C2D4E93CCE578A332A52D5'],
  ['sms-hmac-sha1', 'SHA1HMAC', '27D0D05C2876C7CB1720DBCDBA4D492E1E55C09A'],
  [
    'sms-hmac-sha256',
    'SHA256HMAC',
    'DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330',
  ],
  [
    'sms-hmac-sha512',
    'SHA512HMAC',
    'E0D3C650F8C9D1A5C174D10DDDBFB003E561F59B265616208B0487C5D819481CD3C311D59CF6165ECD1139622D5BA3A256C0D763AC4A9AD9144B5A426B94FE82',
  ],
];
const SIGNED_AT = new Date(1385047698 * 1000);

const form = (params: Record<string, string>) =>
  Buffer.from(new URLSearchParams(params).toString());
function request(
  body: Buffer,
  contentType = 'application/x-www-form-urlencoded',
  query = {},
): IncomingWebhook {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/v',
    query,
    headers: {},
    rawBody: body,
    contentType,
  };
}
const verify = (
  req: IncomingWebhook,
  signature: VonageSignature,
  secrets = [SECRET],
  now = SIGNED_AT,
) => {
  const options: VonageOptions = { signature, toleranceSeconds: 300 };
  return vonageReceiver.verify(req, { secrets, options, now });
};

describe('Vonage SMS API sig, on @vonage/sms published vectors', () => {
  it.each(VECTORS)('%s: the vector, as a form body', async (method, _sdk, sig) => {
    expect(await verify(request(form({ ...PARAMS, sig })), method)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each(VECTORS)(
    '%s: the vector, as POST-JSON and as query parameters',
    async (method, _sdk, sig) => {
      const json = Buffer.from(JSON.stringify({ ...PARAMS, sig }));
      expect((await verify(request(json, 'application/json'), method)).ok).toBe(true);
      expect(
        (await verify(request(Buffer.alloc(0), 'application/json', { ...PARAMS, sig }), method)).ok,
      ).toBe(true);
    },
  );

  it.each(VECTORS)(
    '%s: refused when a parameter changed or the method differs',
    async (method, _sdk, sig) => {
      expect(
        await verify(request(form({ ...PARAMS, text: 'Test agaim', sig })), method),
      ).toMatchObject({ ok: false, reason: 'signature' });
      const other = method === 'sms-md5hash' ? 'sms-hmac-md5' : 'sms-md5hash';
      expect(await verify(request(form({ ...PARAMS, sig })), other)).toMatchObject({
        ok: false,
        message: expect.stringContaining('options.signature'),
      });
    },
  );

  it('agrees with @vonage/sms verifySignature, case and & = replacement included', async () => {
    const tricky = { ...PARAMS, text: 'a&b=c', extra: '' };
    const cases = VECTORS.flatMap(([method, algorithm, sig]) => [
      { method, algorithm, params: PARAMS, sig: sig.toLowerCase() },
      { method, algorithm, params: tricky, sig },
    ]);
    const sdk = vonageSdkVerdicts(
      cases.map((c) => ({
        kind: 'sms',
        sig: c.sig,
        params: c.params,
        secret: SECRET,
        algorithm: c.algorithm,
      })),
    );
    const ours = await Promise.all(
      cases.map(
        async (c) => (await verify(request(form({ ...c.params, sig: c.sig })), c.method)).ok,
      ),
    );
    expect(ours).toEqual(sdk);
    expect(sdk.filter(Boolean)).toHaveLength(5);
  });

  it.each([
    ['301 s old', 301],
    ['301 s ahead', -301],
  ])('refuses a timestamp %s as stale', async (_case, offset) => {
    const [method, , sig] = VECTORS[3];
    const now = new Date(SIGNED_AT.getTime() + offset * 1000);
    expect(await verify(request(form({ ...PARAMS, sig })), method, [SECRET], now)).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('refuses a missing sig, and a form that is not UTF-8, as unsigned', async () => {
    expect(await verify(request(form(PARAMS)), 'sms-md5hash')).toMatchObject({
      message: expect.stringMatching(/sig parameter is missing/),
    });
    expect(await verify(request(Buffer.from([0x61, 0x3d, 0xff])), 'sms-md5hash')).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it('tries every secret (rotation), never quoting one', async () => {
    const [method, , sig] = VECTORS[0];
    expect(await verify(request(form({ ...PARAMS, sig })), method, ['newer', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
    expect(
      JSON.stringify(await verify(request(form({ ...PARAMS, sig })), method, ['newer'])),
    ).not.toContain('newer');
  });
});
