import { formParams, type FormParams } from '../shared/sorted-params';

/** Form parameters with every value kept: Twilio signs each value of a repeated key. */
export type TwilioParams = FormParams;

/** Decode with form rules (`+` is a space, `%2B` is `+`); throws MalformedBodyError on bad UTF-8. */
export const twilioFormParams: (raw: Buffer) => TwilioParams = formParams;

/** The stored payload: one string per key, an array only where Twilio repeated the key. */
export function twilioPayload(params: TwilioParams): Record<string, string | string[]> {
  const payload: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(params))
    payload[key] = values.length === 1 ? values[0] : [...values];
  return payload;
}
