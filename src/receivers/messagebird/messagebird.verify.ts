import type { VerifyResult } from '../receiver';
import { hashClaimMatches } from '../shared/jwt/hashes';
import { verifyHmacJwt, type HmacJwtRules } from '../shared/jwt/hs-jwt';
import { refuse } from '../shared/refusal';

export const MESSAGEBIRD_SIGNATURE_HEADER = 'messagebird-signature-jwt';

/**
 * MessageBird's Signature-JWT, as its SDK checks it (messagebird-nodejs
 * lib/webhook-signature-jwt.js): HS256/384/512 with the signing key, `iss` MessageBird,
 * `nbf`/`exp` with 5 s of clock tolerance, a `jti`. The gateway also requires `exp`, which every
 * token of MessageBird's reference file carries, so that no token is valid forever.
 */
export const MESSAGEBIRD_JWT_RULES: HmacJwtRules = {
  algorithms: ['HS256', 'HS384', 'HS512'],
  issuer: 'MessageBird',
  clockToleranceSeconds: 5,
  requiredClaims: ['jti', 'exp'],
  header: 'MessageBird-Signature-JWT',
  secretName: 'signing key',
};

export interface MessageBirdSignedRequest {
  readonly token: string | undefined;
  /** The URL MessageBird called: the endpoint's publicUrl, or the request URL. */
  readonly url: string;
  readonly body: Buffer;
}

/**
 * The token, then what it binds: `url_hash` = hex SHA-256 of the full URL (scheme, host, port,
 * path and query as called), `payload_hash` = hex SHA-256 of the body, which must be there
 * whenever the body is not empty (otherwise a body could be added to a body-less token).
 */
export async function verifyMessageBirdRequest(
  request: MessageBirdSignedRequest,
  signingKeys: readonly string[],
  now: Date,
): Promise<VerifyResult> {
  const verified = await verifyHmacJwt(request.token, signingKeys, MESSAGEBIRD_JWT_RULES, now);
  if (!verified.ok) return verified;
  const { claims, secretIndex } = verified;

  if (!hashClaimMatches(claims.url_hash, request.url)) {
    return refuse(
      `The token's url_hash does not match ${request.url} (set the endpoint publicUrl to the ` +
        'webhook URL exactly as configured in MessageBird, query string included).',
    );
  }
  if (claims.payload_hash !== undefined) {
    if (!hashClaimMatches(claims.payload_hash, request.body))
      return refuse("The body does not match the token's payload_hash (changed in transit).");
  } else if (request.body.length > 0) {
    return refuse('The token has no payload_hash, so it cannot vouch for a non-empty body.');
  }
  return { ok: true, secretIndex };
}
