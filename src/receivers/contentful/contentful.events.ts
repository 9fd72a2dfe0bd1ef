import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { parseJsonObject } from '../shared/body';

/** What Contentful sends (https://contentful.com/developers/docs/webhooks/headers). */
export const CONTENTFUL_MEDIA_TYPE = 'application/vnd.contentful.management.v1+json';

/**
 * - type: X-Contentful-Topic as sent (`ContentManagement.Entry.publish`): every topic has the
 *   `ContentManagement.[Type].[Action]` form, and handlers can match it exactly;
 * - providerDeliveryId: `<topic>:<sys.id>:<version>`, the version being `sys.version` (or, for
 *   deletions and unpublishing, `sys.deletedVersion` / `sys.revision`): a redelivery of one
 *   change repeats all three, the next change of the entity moves the version. A body without
 *   them is keyed by its SHA-256 with the topic;
 * - occurredAt: `sys.updatedAt` (or `sys.deletedAt`).
 */
export function normalizeContentfulEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const topic = req.headers['x-contentful-topic']?.trim();
  if (!topic) throw new MalformedBodyError('X-Contentful-Topic is missing');
  const sys = ((payload as { sys?: unknown }).sys ?? {}) as Record<string, unknown>;
  const version = [sys.version, sys.deletedVersion, sys.revision].find(
    (value) => typeof value === 'number' || typeof value === 'string',
  );
  const providerDeliveryId =
    typeof sys.id === 'string' && sys.id && version !== undefined
      ? `${topic}:${sys.id}:${String(version)}`
      : `${topic}:${createHash('sha256').update(req.rawBody).digest('hex')}`;
  const time = [sys.updatedAt, sys.deletedAt].find((value) => typeof value === 'string');
  const occurredAt = typeof time === 'string' ? new Date(time) : undefined;
  return {
    type: topic,
    providerDeliveryId,
    ...(occurredAt && !Number.isNaN(occurredAt.getTime()) && { occurredAt }),
  };
}

export const parseContentfulBody = (req: IncomingWebhook): Record<string, unknown> =>
  parseJsonObject(req.rawBody);
