import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { commonType } from '../shared/batch';
import { readPath } from '../shared/hmac/fields';

/**
 * The Webhooks API posts a JSON array of events, each with `subscriptionType`
 * (`contact.creation`) and `eventId` (developers.hubspot.com, Webhooks API "Webhook payloads").
 * Every event stays in the stored payload; the type is their common `subscriptionType`, or
 * `mixed`. A retry carries the same events with a higher `attemptNumber`, so the id is the one
 * `eventId`, or a SHA-256 over a batch's eventIds, never a hash of the body. A workflow's
 * webhook action posts one object of the workflow's own making: typed `workflow`, identified by
 * its body's hash.
 */
export function normalizeHubSpotEvents(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  if (!Array.isArray(payload)) {
    const type = readPath(payload, 'subscriptionType') ?? 'workflow';
    const id = readPath(payload, 'eventId');
    return { type, providerDeliveryId: id ?? sha256(req.rawBody) };
  }
  if (payload.length === 0) throw new MalformedBodyError('the batch holds no event');
  const types = payload.map((event) => readPath(event, 'subscriptionType'));
  const ids = payload.map((event) => readPath(event, 'eventId'));
  if (types.some((type) => !type) || ids.some((id) => !id)) {
    throw new MalformedBodyError('every event needs "subscriptionType" and "eventId"');
  }
  const providerDeliveryId = ids.length === 1 ? ids[0]! : sha256(ids.join('\n'));
  return { type: commonType(types as string[])!, providerDeliveryId };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
