import { SignWebhookError } from './signer';

/** The body as a JSON value, refused with a message naming the provider when it is not JSON. */
export function jsonOf(body: Buffer, title: string): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new SignWebhookError(`${title} signs inside a JSON body: the body is not JSON.`);
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The body as a JSON object, refused when it is another JSON value. */
export function jsonObjectOf(body: Buffer, title: string): Record<string, unknown> {
  const value = jsonOf(body, title);
  if (!isRecord(value)) throw new SignWebhookError(`${title}: the body must be a JSON object.`);
  return value;
}

export const jsonBuffer = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
