import { parseFormEntries } from './body';

/** Form parameters with every value kept, in the order sent. */
export type FormParams = Readonly<Record<string, readonly string[]>>;

/**
 * Decode a form with form rules (`+` is a space, `%2B` is `+`), keeping every value of a
 * repeated key. Throws MalformedBodyError on bytes that are not UTF-8.
 */
export function formParams(raw: Buffer): FormParams {
  const params: Record<string, string[]> = {};
  for (const [key, value] of parseFormEntries(raw)) (params[key] ??= []).push(value);
  return params;
}

/**
 * The text that URL-and-form signers (Twilio, Mandrill) put under their HMAC: the URL, then
 * each parameter name sorted, followed by its decoded value with no separator; a repeated key
 * once per distinct value, values sorted (as twilio-node does; Mandrill never repeats a key).
 * Twilio: https://www.twilio.com/docs/usage/security#validating-requests
 * Mandrill: https://mandrill.zendesk.com/hc/en-us/articles/360039232513-How-to-Authenticate-Webhook-Requests
 */
export function sortedParamsContent(url: string, params: FormParams = {}): string {
  return url + sortedPairs(params, { distinct: true }).join('');
}

/**
 * Each parameter as `key + separator + value`, keys sorted, a repeated key's values sorted
 * (JavaScript's code-unit order, which is the "case-sensitive Unix" order the docs describe).
 * `distinct` keeps a repeated value once (twilio-node); Plivo's SDK keeps every copy.
 */
export function sortedPairs(
  params: FormParams,
  { distinct, separator = '' }: { distinct: boolean; separator?: string },
): string[] {
  const pairs: string[] = [];
  for (const key of Object.keys(params).sort()) {
    const values = distinct ? [...new Set(params[key])] : [...params[key]];
    for (const value of values.sort()) pairs.push(key + separator + value);
  }
  return pairs;
}
