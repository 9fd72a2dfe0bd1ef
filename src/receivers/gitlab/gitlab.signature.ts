import type { IncomingWebhook, VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import { timingSafeEqualAny } from '../shared/timing-safe';
import { verifyStandardWebhook } from '../standard-webhooks/standard-webhooks.signature';

/**
 * GitLab authenticates a hook in one of two ways, chosen here by the configured secret:
 * - a plain secret token, sent back verbatim in `X-Gitlab-Token` (compared in constant time,
 *   without leaking its length);
 * - a signing token `whsec_<base64>`, with which GitLab signs the request the Standard
 *   Webhooks way (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`).
 * Both kinds may be configured at once, e.g. while moving a hook from one to the other.
 */
const SIGNING_TOKEN_PREFIX = 'whsec_';

export function isSigningToken(secret: string): boolean {
  return secret.startsWith(SIGNING_TOKEN_PREFIX);
}

/** Index of the plain token in `secrets` that equals `token`, or -1. */
export function matchGitlabToken(token: string | undefined, secrets: readonly string[]): number {
  if (!token) return -1;
  // Every plain secret is compared, so the time taken does not say which one matched.
  let found = -1;
  secrets.forEach((secret, i) => {
    if (!isSigningToken(secret) && timingSafeEqualAny(token, secret) && found < 0) found = i;
  });
  return found;
}

export function verifyGitlab(
  headers: IncomingWebhook['headers'],
  body: Buffer,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number,
): VerifyResult {
  const tokenIndex = matchGitlabToken(headers['x-gitlab-token'], secrets);
  if (tokenIndex >= 0) return { ok: true, secretIndex: tokenIndex };

  const signing = secrets.flatMap((secret, i) => (isSigningToken(secret) ? [i] : []));
  const hasPlain = signing.length < secrets.length;
  if (signing.length > 0 && headers['webhook-signature'] !== undefined) {
    const signed = {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
    };
    const result = verifyStandardWebhook(
      signed,
      body,
      signing.map((i) => secrets[i]),
      now,
      toleranceSeconds,
    );
    if (!result.ok) return result;
    // Idempotency-Key is the de-duplication key but is not signed; GitLab sets it equal to
    // webhook-id, so a different value is a tampered replay trying to dodge de-duplication.
    const idempotencyKey = headers['idempotency-key'];
    if (idempotencyKey !== undefined && idempotencyKey !== signed.id) {
      return refuse('Idempotency-Key differs from the signed webhook-id.');
    }
    return { ok: true, secretIndex: signing[result.secretIndex] };
  }

  return refuse(expectation(headers, hasPlain, signing.length > 0));
}

function expectation(
  headers: IncomingWebhook['headers'],
  hasPlain: boolean,
  hasSigning: boolean,
): string {
  const problems: string[] = [];
  if (hasPlain) {
    problems.push(
      headers['x-gitlab-token']
        ? 'X-Gitlab-Token does not match any configured secret token'
        : 'X-Gitlab-Token is missing',
    );
  }
  if (hasSigning) {
    problems.push(
      'webhook-signature is missing (a "whsec_" secret expects the hook\'s signing token to be set in GitLab)',
    );
  }
  return `${problems.join('; ')}.`;
}
