import { parseFormEntries } from '../shared/body';

/** Form parameters with every value kept: Twilio signs each value of a repeated key. */
export type TwilioParams = Readonly<Record<string, readonly string[]>>;

/** Decode with form rules (`+` is a space, `%2B` is `+`); throws MalformedBodyError on bad UTF-8. */
export function twilioFormParams(raw: Buffer): TwilioParams {
  const params: Record<string, string[]> = {};
  for (const [key, value] of parseFormEntries(raw)) (params[key] ??= []).push(value);
  return params;
}

/** The stored payload: one string per key, an array only where Twilio repeated the key. */
export function twilioPayload(params: TwilioParams): Record<string, string | string[]> {
  const payload: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(params))
    payload[key] = values.length === 1 ? values[0] : [...values];
  return payload;
}
