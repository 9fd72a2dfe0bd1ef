import { errors, jwtVerify, type JWTPayload } from 'jose';
import type { VerifyResult } from '../../receiver';
import { refuse } from '../refusal';

/** The HMAC JWS algorithms; a provider lists the ones it signs with. */
export type HmacJwtAlgorithm = 'HS256' | 'HS384' | 'HS512';

export interface HmacJwtRules {
  /** Only these: `none` and every public-key algorithm are refused, so no RS/HS confusion. */
  readonly algorithms: readonly HmacJwtAlgorithm[];
  /** The `iss` the provider always sets, if any. */
  readonly issuer?: string;
  /** Leeway for `nbf`, `exp` (and `iat` in the future), in seconds. */
  readonly clockToleranceSeconds: number;
  /** Claims that must be present (`jti`, `exp`...). */
  readonly requiredClaims?: readonly string[];
  /** What to call the header in refusals (`MessageBird-Signature-JWT`). */
  readonly header: string;
  /** What the secret is called in the provider's dashboard, for the refusal. */
  readonly secretName: string;
}

export type HmacJwtResult =
  | { readonly ok: true; readonly secretIndex: number; readonly claims: JWTPayload }
  | (VerifyResult & { readonly ok: false });

/**
 * Verify a compact JWS signed with a shared secret (the secret's UTF-8 bytes are the key), with
 * jose (github.com/panva/jose), trying every configured secret (rotation). A token whose
 * signature matches no secret is a signature refusal; one that matches but whose `nbf`/`exp`
 * is outside the tolerance is a stale-timestamp refusal.
 */
export async function verifyHmacJwt(
  token: string | undefined,
  secrets: readonly string[],
  rules: HmacJwtRules,
  now: Date,
): Promise<HmacJwtResult> {
  if (!token) return refuse(`${rules.header} is missing.`) as HmacJwtResult;
  for (let i = 0; i < secrets.length; i++) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secrets[i]), {
        algorithms: [...rules.algorithms],
        issuer: rules.issuer,
        clockTolerance: rules.clockToleranceSeconds,
        requiredClaims: rules.requiredClaims ? [...rules.requiredClaims] : undefined,
        currentDate: now,
      });
      return { ok: true, secretIndex: i, claims: payload };
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) continue;
      return refusalFor(error, rules) as HmacJwtResult;
    }
  }
  return refuse(
    `The ${rules.header} signature does not match any configured ${rules.secretName} (check the endpoint's secrets).`,
  ) as HmacJwtResult;
}

/** Why a token whose signature could be checked was refused; never the token itself. */
function refusalFor(error: unknown, rules: HmacJwtRules): VerifyResult {
  const tolerance = rules.clockToleranceSeconds;
  if (error instanceof errors.JWTExpired) {
    return refuse(
      `The ${rules.header} token expired more than ${tolerance}s ago (replayed, or a clock is wrong).`,
      'stale-timestamp',
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return refuse(
        `The ${rules.header} token is not valid yet: its "${error.claim}" is more than ${tolerance}s in the future (check the clocks).`,
        'stale-timestamp',
      );
    }
    const what = error.reason === 'missing' ? 'missing' : 'not what the provider sends';
    return refuse(`The ${rules.header} token's "${error.claim}" claim is ${what}.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return refuse(
      `The ${rules.header} token's algorithm is not accepted; it must be one of ${rules.algorithms.join(', ')}.`,
    );
  }
  return refuse(`The ${rules.header} value is not a well-formed signed JWT.`);
}
