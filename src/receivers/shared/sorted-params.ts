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
  let data = url;
  for (const key of Object.keys(params).sort()) {
    for (const value of [...new Set(params[key])].sort()) data += key + value;
  }
  return data;
}
