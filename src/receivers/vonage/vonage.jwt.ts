import type { IncomingWebhook, VerifyResult } from '../receiver';
import { parseJsonBody } from '../shared/body';
import { hashClaimMatches } from '../shared/jwt/hashes';
import { verifyHmacJwt, type HmacJwtRules } from '../shared/jwt/hs-jwt';
import { refuse } from '../shared/refusal';
import { checkTimestampWindow } from '../shared/timestamp-window';

/**
 * Messages and Voice signed webhooks (developer.vonage.com/en/messages/concepts/signed-webhooks):
 * `Authorization: Bearer <JWT>`, HS256 with the account's signature secret, claims `iat`, `jti`,
 * `iss` Vonage, `payload_hash` (SHA-256 of the body), `api_key`, `application_id`. Vonage sets
 * no `exp`, so the gateway bounds replays with a window around `iat` instead.
 */
const VONAGE_JWT_RULES: HmacJwtRules = {
  algorithms: ['HS256'],
  issuer: 'Vonage',
  clockToleranceSeconds: 0,
  requiredClaims: ['iat', 'payload_hash'],
  header: 'Authorization bearer',
  secretName: 'signature secret',
};

export async function verifyVonageJwt(
  req: IncomingWebhook,
  secrets: readonly string[],
  toleranceSeconds: number,
  now: Date,
): Promise<VerifyResult> {
  const token = bearerToken(req.headers.authorization);
  // The window is the gateway's, around iat; jose's own checks then need no leeway of their own.
  const verified = await verifyHmacJwt(token, secrets, VONAGE_JWT_RULES, now);
  if (!verified.ok) return verified;
  const window = checkTimestampWindow(Number(verified.claims.iat), now, toleranceSeconds);
  if (!window.ok) return refuse(window.message, 'stale-timestamp');
  if (!payloadHashMatches(verified.claims.payload_hash, req.rawBody)) {
    return refuse("The body does not match the token's payload_hash (changed in transit).");
  }
  return { ok: true, secretIndex: verified.secretIndex };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

/**
 * The hash of the body as sent; else of its compact JSON, which is what Vonage's own snippets
 * hash (`sha256(JSON.stringify(payload))`, vonage-node-code-snippets
 * messages/signed-webhooks/verify-signed-webhook.js): both name exactly the parsed payload.
 */
function payloadHashMatches(claim: unknown, body: Buffer): boolean {
  if (hashClaimMatches(claim, body)) return true;
  try {
    return hashClaimMatches(claim, JSON.stringify(parseJsonBody(body)));
  } catch {
    return false;
  }
}
