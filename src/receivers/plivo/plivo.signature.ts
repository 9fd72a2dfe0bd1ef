import { hmac } from '../shared/hmac';
import { sortedPairs, type FormParams } from '../shared/sorted-params';
import { splitPlivoUrl } from './plivo.url';

/**
 * V2 (messaging, and voice before V3): the base URL, no query, followed by the nonce.
 * https://www.plivo.com/docs/voice/getting-started/advanced/signature-validation-v2-deprecated/
 * and plivo-node `lib/utils/security.js` `validateSignature`.
 */
export function plivoV2Content(url: string, nonce: string): string {
  return splitPlivoUrl(url).base + nonce;
}

/**
 * V3 (voice): the base URL; `?` and the query sorted as `k=v&k=v`; when both a query and POST
 * parameters exist a `.`; the POST parameters sorted as `kv kv` with no separator; then `.`
 * and the nonce. A POST with parameters but no query still gets the `?`.
 * https://www.plivo.com/docs/voice/concepts/signature-validation/ and plivo-node
 * `lib/utils/v3Security.js` (`construct_post_url`, `get_signature_v3`).
 */
export function plivoV3Content(url: string, nonce: string, params: FormParams): string {
  const { base, query } = splitPlivoUrl(url);
  const queryString = sortedPairs(query, { distinct: false, separator: '=' }).join('&');
  const hasParams = Object.keys(params).length > 0;
  let content = base;
  if (queryString !== '' || hasParams) content += `?${queryString}`;
  if (queryString !== '' && hasParams) content += '.';
  content += sortedPairs(params, { distinct: false }).join('');
  return `${content}.${nonce}`;
}

/** Both versions: base64(HMAC-SHA256(auth token, content)). */
export function signPlivo(authToken: string, content: string): string {
  return hmac('sha256', authToken, Buffer.from(content, 'utf8')).toString('base64');
}
