import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook } from '../receiver';
import { parseFormEntries, parseJsonObject } from '../shared/body';

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The SMS API's parameters: the query, then the body (form, or JSON for "POST-JSON") on top, as
 * Vonage's SDK example merges them (`Object.assign(request.query, request.body)`). Values are
 * strings; a JSON number or boolean is taken as its text, and anything nested cannot have been
 * signed, so it is malformed.
 */
export function smsParams(req: IncomingWebhook): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query))
    if (value !== undefined) params[key] = value;
  if (req.rawBody.length === 0) return params;
  if (req.contentType === FORM_TYPE) {
    for (const [key, value] of parseFormEntries(req.rawBody)) params[key] = value;
    return params;
  }
  for (const [key, value] of Object.entries(parseJsonObject(req.rawBody))) {
    if (typeof value === 'string') params[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') params[key] = String(value);
    else throw new MalformedBodyError(`parameter "${key}" is not a string, so it cannot be signed`);
  }
  return params;
}
