import type { IncomingWebhook, VerifyResult } from '../receiver';
import { verifyBasicCredentials } from '../shared/basic-credentials';
import { parseJsonBody } from '../shared/body';
import { refuse } from '../shared/refusal';
import { readNotificationItems } from './adyen.notification';
import { isBasicCredentials, isHmacKey } from './adyen.secrets';
import { verifyAdyenItems } from './adyen.signature';

/**
 * Basic credentials first when the endpoint holds any (they say who sent it), then every
 * item's HMAC signature (that says nothing was changed). An endpoint with Basic credentials
 * only is refused: Basic authentication does not protect the content (Adyen's own words).
 */
export function verifyAdyen(req: IncomingWebhook, secrets: readonly string[]): VerifyResult {
  const credentials = secrets.map((s) => (isBasicCredentials(s) ? s : ''));
  if (credentials.some((c) => c !== '')) {
    const basic = verifyBasicCredentials(req, credentials);
    if (!basic.ok) return basic;
  }
  const hmacKeys = secrets.map((s) => (isHmacKey(s) ? s : ''));
  if (hmacKeys.every((k) => k === '')) {
    return refuse(
      "This endpoint has no HMAC key: add the webhook's HMAC key (64 hex characters) to its secrets.",
    );
  }
  let payload: unknown;
  try {
    payload = parseJsonBody(req.rawBody);
  } catch {
    // Unauthenticated bytes: a 401 like any request that cannot be verified, saying why.
    return refuse('The body is not JSON, so no hmacSignature can be checked.');
  }
  const read = readNotificationItems(payload);
  if ('problem' in read) return refuse(`${read.problem}, so nothing can be verified.`);
  return verifyAdyenItems(read.items, hmacKeys);
}
