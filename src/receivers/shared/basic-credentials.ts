import type { IncomingWebhook, VerifyResult } from '../receiver';
import { matchedOr, refuse } from './refusal';
import { matchAnySecret } from './timing-safe';

/**
 * HTTP Basic credentials (RFC 7617) checked against secrets written `user:password`: the
 * generic `basic` provider and Azure DevOps service hooks. The decoded `user:password` is
 * compared with every secret in constant time; the password may hold a colon, as the user
 * ends at the first one.
 */
export function verifyBasicCredentials(
  req: IncomingWebhook,
  secrets: readonly string[],
): VerifyResult {
  const match = /^basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return refuse('Authorization with Basic credentials is missing.');
  const credentials = Buffer.from(match[1], 'base64').toString('utf8');
  if (!credentials.includes(':')) return refuse('The Basic credentials are not user:password.');
  return matchedOr(
    matchAnySecret(secrets, [credentials], (secret) => secret),
    'The Basic credentials do not match any configured user:password.',
  );
}

/**
 * A secret that is not `user:password` with a non-empty user can never match what a sender
 * puts in Authorization (RFC 7617: the user-id ends at the first colon): refuse it at start-up.
 */
export function checkBasicSecret(secret: string): string | undefined {
  return secret.indexOf(':') > 0
    ? undefined
    : 'must be user:password (a non-empty user, a colon, then the password), as the sender puts it in Authorization: Basic.';
}
