import type { VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';
import { parsePusherSecret, printableAppKey, secretAppliesTo } from './pusher.secrets';

/**
 * Pusher signs the raw body with HMAC-SHA256 under the app secret, lower-case hex in
 * X-Pusher-Signature, and names the app in X-Pusher-Key (pusher-http-node `lib/webhook.js`
 * and `lib/token.js`; https://pusher.com/docs/webhooks). No timestamp is
 * signed.
 */
export function signPusher(secret: string, body: Buffer): string {
  return hmac('sha256', secret, body).toString('hex');
}

export interface PusherSignedRequest {
  readonly appKey: string | undefined;
  readonly signature: string | undefined;
  readonly body: Buffer;
}

/**
 * Try every configured secret that applies to the named app key. The signature is compared
 * exactly as sent, as pusher-http-node does (Pusher sends lower-case hex).
 */
export function verifyPusher(
  request: PusherSignedRequest,
  secrets: readonly string[],
): VerifyResult {
  const { appKey, signature, body } = request;
  if (!signature) return refuse('X-Pusher-Signature is missing.');
  if (!appKey) return refuse('X-Pusher-Key is missing.');
  if (!secrets.some((entry) => secretAppliesTo(parsePusherSecret(entry), appKey))) {
    const shown = printableAppKey(appKey);
    return refuse(
      `X-Pusher-Key ${shown ? `"${shown}" ` : ''}is not an app key configured for this endpoint.`,
    );
  }
  const index = matchAnySecret(secrets, [signature], (entry) => {
    const parsed = parsePusherSecret(entry);
    // '' never equals a sent signature (an empty one was refused above).
    return parsed.secret !== '' && secretAppliesTo(parsed, appKey)
      ? signPusher(parsed.secret, body)
      : '';
  });
  return matchedOr(
    index,
    'X-Pusher-Signature does not match the body under any secret configured for this app key.',
  );
}
