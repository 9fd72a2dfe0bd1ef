import type { VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { matchedOr, refuse } from '../shared/refusal';
import { sortedParamsContent, type FormParams } from '../shared/sorted-params';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Mandrill (Mailchimp Transactional) signs the webhook URL exactly as entered, then every POST
 * field sorted by name, name and decoded value with no separator, with HMAC-SHA1 under the
 * webhook's key, base64 in X-Mandrill-Signature:
 * https://mandrill.zendesk.com/hc/en-us/articles/360039232513-How-to-Authenticate-Webhook-Requests
 */
export function signMandrill(webhookKey: string, url: string, params: FormParams): string {
  return hmac('sha1', webhookKey, sortedParamsContent(url, params)).toString('base64');
}

export interface MandrillSignedRequest {
  readonly signature: string | undefined;
  /** The webhook URL as entered in Mandrill: the endpoint's publicUrl, else the rebuilt URL. */
  readonly url: string;
  readonly params: FormParams;
}

/** Index of the webhook key that signed the URL and form, compared in constant time. */
export function verifyMandrill(
  request: MandrillSignedRequest,
  keys: readonly string[],
): VerifyResult {
  if (!request.signature) return refuse('X-Mandrill-Signature is missing.');
  const index = matchAnySecret(keys, [request.signature], (key) =>
    signMandrill(key, request.url, request.params),
  );
  return matchedOr(
    index,
    `The signature does not match ${shownUrl(request.url)} and the form under any configured webhook key ` +
      '(set publicUrl to the webhook URL exactly as entered in Mandrill, query string and trailing slash included).',
  );
}

/**
 * The URL for the refusal, without its query: Mandrill's own advice is to put a token in the
 * webhook URL's query string, and a refusal is logged.
 */
function shownUrl(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : `${url.slice(0, query)} (query not shown)`;
}
