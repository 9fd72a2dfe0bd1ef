import type { IncomingWebhook, VerifyResult } from '../../receiver';
import { matchedOr, refuse } from '../refusal';
import { matchAnySecret } from '../timing-safe';

/**
 * ASP.NET WebHooks' scheme for providers that sign nothing: the URL registered at the provider
 * carries a secret in `?code=`, 32 to 128 characters, compared with the configured one
 * (aspnet/AspNetWebHooks src/Microsoft.AspNet.WebHooks.Receivers/WebHooks/WebHookReceiver.cs:
 * CodeQueryParameter, CodeMinLength, CodeMaxLength, EnsureValidCode).
 */
export const CODE_QUERY_PARAMETER = 'code';
export const CODE_MIN_LENGTH = 32;
export const CODE_MAX_LENGTH = 128;

/**
 * A code shorter than 32 characters is guessable and ASP.NET refuses to use it; longer than
 * 128 it is refused there too. Lengths count UTF-16 code units, as .NET's string.Length does.
 */
export function checkCodeSecret(secret: string): string | undefined {
  if (secret.length >= CODE_MIN_LENGTH && secret.length <= CODE_MAX_LENGTH) return undefined;
  return (
    `is ${secret.length} characters long; a ?code= secret must be ${CODE_MIN_LENGTH} to ` +
    `${CODE_MAX_LENGTH} characters (ASP.NET WebHooks' rule). Generate one with ` +
    '"openssl rand -hex 32" and register the URL with ?code=<it>.'
  );
}

/**
 * The request's `?code=` against every configured secret, in constant time. Only the query
 * counts: a code sent in a header or in the body is not one (the provider puts it in the URL).
 * A repeated `code` parameter counts by its first value (pipeline/incoming-request.ts).
 */
export function verifyCode(req: IncomingWebhook, secrets: readonly string[]): VerifyResult {
  const code = req.query[CODE_QUERY_PARAMETER];
  if (!code) {
    return refuse(
      `The "${CODE_QUERY_PARAMETER}" query parameter is missing: register the URL with ?${CODE_QUERY_PARAMETER}=<the endpoint's secret>.`,
    );
  }
  return matchedOr(
    matchAnySecret(secrets, [code], (secret) => secret),
    `The "${CODE_QUERY_PARAMETER}" query parameter does not match any configured secret.`,
  );
}
