import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook } from '../receiver';
import { parseFormEntries, parseJsonObject } from '../shared/body';

/** What Travis sends: the signed `payload` form field and the `Signature` header, decoded. */
export type TravisDelivery =
  { ok: true; payload: string; signature: Buffer } | { ok: false; message: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Travis posts `application/x-www-form-urlencoded` with one field, `payload`, the JSON build;
 * the `Signature` header is base64 of an RSA-SHA1 signature over that field's value, decoded
 * from the form (https://docs.travis-ci.com/user/notifications/#verifying-webhook-requests).
 */
export function readTravisDelivery(req: IncomingWebhook): TravisDelivery {
  const header = req.headers.signature?.trim();
  if (!header) {
    return {
      ok: false,
      message:
        'No Signature header. Travis CI signs every webhook notification; is this request from Travis CI?',
    };
  }
  if (!BASE64.test(header)) return { ok: false, message: 'The Signature header is not base64.' };
  const payloads = payloadFields(req.rawBody);
  if (payloads.length !== 1) {
    return {
      ok: false,
      message: `Expected one "payload" form field (the signed JSON), found ${payloads.length}.`,
    };
  }
  return { ok: true, payload: payloads[0], signature: Buffer.from(header, 'base64') };
}

/** The verified body's build object (the JSON inside `payload`). */
export function parseTravisPayload(raw: Buffer): Record<string, unknown> {
  const payloads = payloadFields(raw);
  if (payloads.length !== 1) throw new MalformedBodyError('expected one "payload" form field');
  return parseJsonObject(Buffer.from(payloads[0], 'utf8'));
}

function payloadFields(raw: Buffer): string[] {
  return parseFormEntries(raw)
    .filter(([name]) => name === 'payload')
    .map(([, value]) => value);
}
