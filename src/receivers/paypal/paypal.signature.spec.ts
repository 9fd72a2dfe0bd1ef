import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSupportedAuthAlgo, paypalSignedString, verifyPaypalSignature } from './paypal.signature';

// A real sandbox delivery and PayPal's certificate, from PayPal's Java SDK tests (see
// fixtures/java-sdk-vector and docs/providers.md, "What every provider gets").
const vectorDir = join(__dirname, 'fixtures/java-sdk-vector');
const vector = JSON.parse(readFileSync(join(vectorDir, 'headers.json'), 'utf8')) as Record<
  string,
  string
>;
const vectorBody = readFileSync(join(vectorDir, 'body.json'));
const paypalKey = new X509Certificate(readFileSync(join(vectorDir, 'cert.pem'))).publicKey;
const vectorFields = {
  transmissionId: vector['paypal-transmission-id'],
  transmissionTime: vector['paypal-transmission-time'],
  webhookId: vector.webhookId,
};

describe('PayPal signed string and signature', () => {
  it('builds the signed string with the CRC-32 as an unsigned decimal', () => {
    expect(paypalSignedString(vectorFields, vectorBody)).toBe(
      'afa30d40-ca4a-11e9-ab68-7d4e2605c70c|2019-08-29T10:49:33Z|0FV983392A0531201|3674300368',
    );
  });

  it('builds the CRC of an empty body as 0 and of "123456789" as the CRC-32 check value', () => {
    const fields = { transmissionId: 't', transmissionTime: 'x', webhookId: 'w' };
    expect(paypalSignedString(fields, Buffer.alloc(0))).toBe('t|x|w|0');
    // 0xCBF43926, the standard CRC-32/ISO-HDLC check value.
    expect(paypalSignedString(fields, Buffer.from('123456789'))).toBe('t|x|w|3421780262');
  });

  it("verifies PayPal's own signature of a real sandbox delivery", () => {
    const signed = paypalSignedString(vectorFields, vectorBody);
    expect(verifyPaypalSignature(signed, vector['paypal-transmission-sig'], paypalKey)).toBe(true);
  });

  const tampered = Buffer.from(vectorBody.toString().replace('"30.11"', '"30.12"'));
  it.each([
    ['a body changed by one character', { ...vectorFields }, tampered],
    ['another webhook id', { ...vectorFields, webhookId: '0FV983392A0531202' }, vectorBody],
    [
      'another transmission id',
      { ...vectorFields, transmissionId: 'afa30d40-ca4a-11e9-ab68-7d4e2605c70d' },
      vectorBody,
    ],
    [
      'another transmission time',
      { ...vectorFields, transmissionTime: '2019-08-29T10:49:34Z' },
      vectorBody,
    ],
  ])('rejects the real signature over %s', (_case, fields, body) => {
    expect(
      verifyPaypalSignature(
        paypalSignedString(fields, body),
        vector['paypal-transmission-sig'],
        paypalKey,
      ),
    ).toBe(false);
  });

  it.each([
    ['an empty signature', ''],
    ['a signature that is not base64', 'not base64!'],
    ['a truncated signature', vector['paypal-transmission-sig'].slice(0, 40)],
  ])('rejects %s without throwing', (_case, signature) => {
    expect(
      verifyPaypalSignature(paypalSignedString(vectorFields, vectorBody), signature, paypalKey),
    ).toBe(false);
  });

  it('rejects a valid signature made with another key', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signed = paypalSignedString(vectorFields, vectorBody);
    const forged = sign('sha256', Buffer.from(signed), privateKey).toString('base64');
    expect(verifyPaypalSignature(signed, forged, paypalKey)).toBe(false);
  });

  it.each([
    ['SHA256withRSA', true],
    ['sha256withrsa', true],
    ['SHA1withRSA', false],
    ['SHA512withRSA', false],
    ['', false],
  ])('auth algo %j supported: %s', (algo, supported) => {
    expect(isSupportedAuthAlgo(algo)).toBe(supported);
  });
});
