import { createHash } from 'node:crypto';
import { hmac } from '../shared/hmac';
import { sortedParamsContent } from '../shared/sorted-params';
import { matchAnySecret, timingSafeEqualAny } from '../shared/timing-safe';
import type { TwilioParams } from './twilio.params';
import { bodyHashOf, twilioUrlVariants } from './twilio.url';

/**
 * Twilio signs the URL it called followed by every POST parameter, keys sorted, each value
 * decoded, a repeated key once per distinct value (values sorted):
 *   X-Twilio-Signature: base64(HMAC-SHA1(auth token, url + key1 + value1 + key2 + value2 ...))
 * JSON bodies are signed through the URL only, which then carries `bodySHA256=<hex sha256(body)>`.
 */
export function signTwilio(authToken: string, url: string, params: TwilioParams = {}): string {
  const data = sortedParamsContent(url, params);
  return hmac('sha1', authToken, Buffer.from(data, 'utf8')).toString('base64');
}

/** Index of the auth token that signed the URL (in any accepted variant) and params, or -1. */
export function verifyTwilioSignature(
  signature: string,
  url: string,
  params: TwilioParams,
  authTokens: readonly string[],
): number {
  const variants = twilioUrlVariants(url);
  for (const variant of variants) {
    const index = matchAnySecret(authTokens, [signature], (token) =>
      signTwilio(token, variant, params),
    );
    if (index >= 0) return index;
  }
  return -1;
}

/** Whether the URL's `bodySHA256` is the lower-case hex SHA-256 of the raw body (as twilio-node checks). */
export function bodyHashMatches(url: string, body: Buffer): boolean {
  const claimed = bodyHashOf(url);
  if (claimed === undefined) return false;
  const actual = createHash('sha256').update(body).digest('hex');
  return timingSafeEqualAny(actual, claimed);
}
