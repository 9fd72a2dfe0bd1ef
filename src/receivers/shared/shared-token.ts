import type { IncomingWebhook, VerifyResult } from '../receiver';
import { matchedOr, refuse } from './refusal';
import { matchAnySecret } from './timing-safe';

/**
 * A shared secret the provider sends as is in a header (Telegram's
 * `X-Telegram-Bot-Api-Secret-Token`, Okta's `Authorization`, BigCommerce's custom header),
 * compared in constant time against every configured secret. `header` is written as the provider
 * documents it and looked up lower-case; the message names it, never the value.
 */
export function verifyHeaderToken(
  req: IncomingWebhook,
  header: string,
  secrets: readonly string[],
): VerifyResult {
  const token = req.headers[header.toLowerCase()];
  if (!token) return refuse(`${header} is missing.`);
  return matchedOr(
    matchAnySecret(secrets, [token], (secret) => secret),
    `${header} does not match any configured secret.`,
  );
}

/** The same, for a secret in a query parameter of the URL (Event Grid's endpoint URL). */
export function verifyQueryToken(
  req: IncomingWebhook,
  param: string,
  secrets: readonly string[],
): VerifyResult {
  const where = `The "${param}" query parameter`;
  const token = req.query[param];
  if (!token) return refuse(`${where} is missing.`);
  return matchedOr(
    matchAnySecret(secrets, [token], (secret) => secret),
    `${where} does not match any configured secret.`,
  );
}
