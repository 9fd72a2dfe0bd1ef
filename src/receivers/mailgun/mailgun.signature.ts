import type { VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';
import { checkTimestampWindow, parseUnixSeconds } from '../shared/timestamp-window';

/**
 * The `signature` object Mailgun puts in the body. A subaccount's events also carry
 * `parent-signature`, made the same way with the primary account's key, so that one key can
 * verify every subaccount:
 * https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
 */
export interface MailgunSignature {
  readonly timestamp?: string;
  readonly token?: string;
  readonly signature?: string;
  readonly parentSignature?: string;
}

/** hex(HMAC-SHA256(webhook signing key, timestamp + token)): only these two are signed. */
export function signMailgun(signingKey: string, timestamp: string, token: string): string {
  return hmac('sha256', signingKey, timestamp, token).toString('hex');
}

/**
 * Index of the signing key that made `signature` (or `parent-signature`), once the timestamp
 * is inside the window. The body is not signed; replays of the token are refused later
 * (pipeline/replay-token.stage.ts).
 */
export function verifyMailgunSignature(
  signed: MailgunSignature,
  keys: readonly string[],
  now: Date,
  toleranceSeconds: number,
): VerifyResult {
  const { timestamp, token } = signed;
  const candidates = [signed.signature, signed.parentSignature].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (!timestamp || !token || candidates.length === 0) {
    return refuse(
      'The body has no complete "signature" object (timestamp, token, signature): send Mailgun ' +
        'webhooks here, as JSON.',
    );
  }
  const window = checkTimestampWindow(parseUnixSeconds(timestamp), now, toleranceSeconds);
  if (!window.ok) return refuse(`signature.timestamp: ${window.message}`, 'stale-timestamp');
  const index = matchAnySecret(keys, candidates, (key) => signMailgun(key, timestamp, token));
  return matchedOr(
    index,
    'signature.signature does not match under any configured key: put the HTTP webhook signing ' +
      "key of the sending domain's account in secrets (Mailgun: Sending → Webhooks; not the API " +
      'key, not the Optimize alerts key).',
  );
}
