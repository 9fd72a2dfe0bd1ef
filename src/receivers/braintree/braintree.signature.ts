import { createHash } from 'node:crypto';
import type { VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { matchedOr, refuse } from '../shared/refusal';
import { timingSafeEqualAny } from '../shared/timing-safe';
import { parseBraintreeSecret } from './braintree.secrets';

/**
 * hex HMAC-SHA1 keyed with the SHA-1 digest of the private key (braintree_node
 * `lib/braintree/digest.js` `hmacSha1`): the signature of a payload, and of a challenge.
 */
export function braintreeDigest(privateKey: string, data: string): string {
  const key = createHash('sha1').update(privateKey).digest();
  return hmac('sha1', key, data).toString('hex');
}

/** bt_payload is base64 with line breaks; braintree_node refuses anything else. */
const PAYLOAD = /^[A-Za-z0-9+=/\n]+$/;

/**
 * `bt_signature` holds `publicKey|signature` pairs joined by `&`; the pair of a configured
 * public key must match the payload, or the payload with a trailing newline (both are tried by
 * `validateSignature` in braintree_node `webhook_notification_gateway.js`).
 */
export function verifyBraintreeSignature(
  signature: string | undefined,
  payload: string | undefined,
  secrets: readonly string[],
): VerifyResult {
  if (!signature) return refuse('The form field bt_signature is missing.');
  if (!payload) return refuse('The form field bt_payload is missing.');
  if (!PAYLOAD.test(payload)) return refuse('bt_payload holds characters base64 does not use.');
  const sent = new Map<string, string>();
  for (const pair of signature.split('&')) {
    const bar = pair.indexOf('|');
    if (bar > 0 && !sent.has(pair.slice(0, bar))) sent.set(pair.slice(0, bar), pair.slice(bar + 1));
  }
  const pairs = secrets.map(parseBraintreeSecret);
  if (!pairs.some((pair) => pair && sent.has(pair.publicKey))) {
    return refuse(
      'bt_signature names none of the public keys configured for this endpoint: add the "<public key>:<private key>" pair of the gateway that sends these webhooks.',
    );
  }
  const index = pairs.findIndex((pair) => {
    const candidate = pair && sent.get(pair.publicKey);
    return (
      candidate !== undefined &&
      [payload, `${payload}\n`].some((data) =>
        timingSafeEqualAny(braintreeDigest(pair!.privateKey, data), candidate),
      )
    );
  });
  return matchedOr(
    index,
    'bt_signature does not match bt_payload under the private key of its public key (check the key pair, or the payload was changed).',
  );
}
