import type { VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import { hmac } from '../shared/hmac';
import { checkTimestampWindow, parseUnixSeconds } from '../shared/timestamp-window';
import { matchAnySecret } from '../shared/timing-safe';
import type { StandardWebhookHeaders } from './standard-webhooks.headers';

/**
 * Standard Webhooks (and Svix, and GitLab's signing token) sign
 *   `{webhook-id}.{webhook-timestamp}.{raw body}`
 * with HMAC-SHA256 under the base64-decoded secret (the part after `whsec_`), and send
 * `webhook-signature: v1,<base64>`, space-separated when several keys sign at once.
 */
const SECRET_PREFIX = 'whsec_';
const PADDED_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The HMAC key of a `whsec_<base64>` secret, or undefined when the rest is not padded base64. */
export function standardWebhooksKey(secret: string): Buffer | undefined {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  // Node's decoder skips bad characters silently; a typo must not become a different key.
  if (encoded.length % 4 !== 0 || !PADDED_BASE64.test(encoded)) return undefined;
  return Buffer.from(encoded, 'base64');
}

/** `v1,<base64>` for one key. `timestamp` is signed exactly as it is sent in the header. */
export function signStandardWebhook(
  key: Buffer,
  msgId: string,
  timestamp: string | number,
  body: Buffer,
): string {
  return `v1,${hmac('sha256', key, `${msgId}.${timestamp}.`, body).toString('base64')}`;
}

/** The base64 parts of the `v1` entries; other versions (`v1a` Ed25519, ...) are ignored. */
export function v1Signatures(header: string): string[] {
  return header
    .split(' ')
    .filter((entry) => entry.startsWith('v1,') && entry.length > 3)
    .map((entry) => entry.slice(3));
}

/**
 * Check the signature first, then the timestamp window, so `stale-timestamp` only ever
 * describes an authentic delivery that arrived too late or too early (a replay, or a clock).
 */
export function verifyStandardWebhook(
  signed: StandardWebhookHeaders,
  body: Buffer,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number,
): VerifyResult {
  const { id, timestamp, signature } = signed;
  if (!id || !timestamp || !signature) {
    return refuse(
      'The webhook-id, webhook-timestamp and webhook-signature headers (or their svix-* twins) are all required.',
    );
  }
  const seconds = parseUnixSeconds(timestamp);
  if (Number.isNaN(seconds)) return refuse('webhook-timestamp must be whole Unix seconds.');
  const candidates = v1Signatures(signature);
  if (candidates.length === 0) {
    return refuse(
      'webhook-signature has no "v1,<base64>" entry (only the symmetric v1 scheme is supported).',
    );
  }

  const secretIndex = matchAnySecret(secrets, candidates, (secret) => {
    const key = standardWebhooksKey(secret);
    // An undecodable secret can never match: '' never equals a (non-empty) candidate.
    return key ? signStandardWebhook(key, id, timestamp, body).slice('v1,'.length) : '';
  });
  if (secretIndex < 0) {
    const unusable = secrets.filter((secret) => !standardWebhooksKey(secret)).length;
    const hint =
      unusable > 0
        ? ` ${unusable} configured secret(s) are not "whsec_<base64>" and were skipped.`
        : '';
    return refuse(`The signature does not match the body under any configured secret.${hint}`);
  }
  const window = checkTimestampWindow(seconds, now, toleranceSeconds);
  if (!window.ok) return refuse(window.message, 'stale-timestamp');
  return { ok: true, secretIndex };
}
