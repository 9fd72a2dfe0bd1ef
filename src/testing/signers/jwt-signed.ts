import { createHash, createHmac } from 'node:crypto';
import { formBody, formFields, unixSeconds } from './encoding';
import { hs256Jwt } from './hs256-jwt';
import { requireUrl, SignWebhookError, type SignInput, type Signer } from './signer';

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * MessageBird's `MessageBird-Signature-JWT`: HS256 under the signing key, `iss` MessageBird,
 * `nbf` now and `exp` a minute later, a `jti`, and the SHA-256 of the URL and of the body.
 */
export const messagebirdSigner: Signer = {
  contentType: 'application/json',
  secretMeans: 'the MessageBird signing key (url: the endpoint publicUrl, whose hash is signed)',
  sign(input) {
    const url = requireUrl(input, 'MessageBird');
    const nbf = unixSeconds(input.now);
    const claims = {
      iss: 'MessageBird',
      nbf,
      exp: nbf + 60,
      jti: input.id,
      url_hash: sha256Hex(url),
      ...(input.body.length > 0 && { payload_hash: sha256Hex(input.body) }),
    };
    return { headers: { 'messagebird-signature-jwt': hs256Jwt(claims, input.secret) } };
  },
};

/** Vonage's SMS API signature methods and the digest each uses. */
const SMS_METHODS: Readonly<Record<string, string>> = {
  'sms-md5hash': 'md5',
  'sms-hmac-md5': 'md5',
  'sms-hmac-sha1': 'sha1',
  'sms-hmac-sha256': 'sha256',
  'sms-hmac-sha512': 'sha512',
};

/**
 * Vonage: `Authorization: Bearer <JWT>` (HS256, `iss` Vonage, `iat`, `jti`, `payload_hash`)
 * for Messages and Voice; with `options.signature` an `sms-…` method, the SMS API's `sig`
 * parameter added to the posted parameters instead.
 */
export const vonageSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the Vonage account's signature secret (options.signature as the endpoint's)",
  sign(input) {
    const method = input.options.signature ?? 'jwt';
    if (method === 'jwt') {
      const claims = {
        iat: unixSeconds(input.now),
        jti: input.id,
        iss: 'Vonage',
        payload_hash: sha256Hex(input.body),
      };
      return { headers: { authorization: `Bearer ${hs256Jwt(claims, input.secret)}` } };
    }
    const algorithm = typeof method === 'string' ? SMS_METHODS[method] : undefined;
    if (!algorithm) {
      throw new SignWebhookError(`vonage: options.signature ${JSON.stringify(method)} is unknown.`);
    }
    return smsSigned(input, method as string, algorithm);
  },
};

/**
 * Every parameter but `sig`, keys sorted, as `&key=value` with `&` and `=` in values replaced
 * by `_`; MD5 of that followed by the secret, or its HMAC under the secret; hex. A `timestamp`
 * (Unix seconds) is added when the parameters carry none, as Vonage signs one.
 */
function smsSigned(input: SignInput, method: string, algorithm: string) {
  const isForm = input.contentType.startsWith('application/x-www-form-urlencoded');
  // A payload value arrives JSON-encoded whatever the media type: it is sent as a form if asked.
  const isJson = input.body.toString('utf8').trimStart().startsWith('{');
  const params: Record<string, string> = isJson
    ? Object.fromEntries(
        Object.entries(jsonObject(input.body)).map(([k, v]) => [k, String(v as string)]),
      )
    : formFields(input.body);
  delete params.sig;
  params.timestamp ??= String(unixSeconds(input.now));
  const signed = Object.keys(params)
    .sort()
    .map((key) => `&${key}=${params[key].replace(/[&=]/g, '_')}`)
    .join('');
  const sig =
    method === 'sms-md5hash'
      ? createHash('md5')
          .update(signed + input.secret)
          .digest('hex')
      : createHmac(algorithm, input.secret).update(signed).digest('hex');
  const all = { ...params, sig };
  const body = isForm ? formBody(all) : Buffer.from(JSON.stringify(all), 'utf8');
  return { headers: {}, body };
}

function jsonObject(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // refused below
  }
  throw new SignWebhookError('vonage: an SMS API body must be a form or a JSON object.');
}
