import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook, Receiver, VerifyResult } from '../receiver';

/*
 * What the provider receiver specs share: a request as the pipeline hands it over, and verify
 * and normalize run on it. Signatures are never made here: each spec signs with node:crypto,
 * the provider's SDK or a published vector.
 */
export const NOW = new Date('2026-11-27T12:00:00.000Z');

/** A fixture's exact bytes. */
export const fixture = (dir: string, name: string): Buffer =>
  readFileSync(join(dir, 'fixtures', name));

export function webhookRequest(
  headers: Record<string, string>,
  rawBody: Buffer,
  contentType = 'application/json',
): IncomingWebhook {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/provider/main',
    query: {},
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody,
    contentType,
  };
}

/** The receiver's verdict (every receiver here verifies synchronously). */
export function verifyWith(
  receiver: Receiver<any>,
  req: IncomingWebhook,
  secrets: readonly string[],
): VerifyResult {
  return receiver.verify(req, { secrets, options: {}, now: NOW }) as VerifyResult;
}

/** Parse, then normalize, as the pipeline does after a verified request. */
export function normalizeWith(receiver: Receiver<any>, req: IncomingWebhook) {
  return receiver.normalize(req, receiver.parse(req));
}
