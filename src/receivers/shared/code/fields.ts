import { createHash } from 'node:crypto';
import type { IncomingWebhook, NormalizedEvent } from '../../receiver';
import type { FieldSource } from '../hmac/descriptor';
import { readField, readPath, readType } from '../hmac/fields';
import type { CodeDescriptor } from './descriptor';

/** `type`, delivery id and time from where the descriptor says they are. */
export function normalizeCodeFields(
  descriptor: CodeDescriptor,
  req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  const type = readType(descriptor, req, payload);
  const providerDeliveryId = readDeliveryId(descriptor.id, req, payload);
  const occurredAt = descriptor.occurredAt
    ? isoInstant(readField(req, payload, descriptor.occurredAt))
    : undefined;
  return {
    type,
    ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    ...(occurredAt !== undefined && { occurredAt }),
  };
}

function readDeliveryId(
  id: CodeDescriptor['id'],
  req: IncomingWebhook,
  payload: unknown,
): string | undefined {
  if (!id) return undefined;
  if ('hashOf' in id) return hashOfFields(payload, id.hashOf);
  return firstField(req, payload, id);
}

/** The first of `sources` that is present (and not empty). */
export function firstField(
  req: IncomingWebhook,
  payload: unknown,
  sources: readonly FieldSource[],
): string | undefined {
  for (const source of sources) {
    const value = readField(req, payload, source);
    if (value) return value;
  }
  return undefined;
}

/**
 * A delivery id for a provider that sends none: SHA-256 (hex) over the named fields, each as
 * `[path, value]` (null when absent) in a JSON array, so that no value can pass for another
 * field's (`a|b` + `c` vs `a` + `b|c`). A redelivery carries the same fields, so the same id.
 */
export function hashOfFields(payload: unknown, paths: readonly string[]): string {
  const fields = paths.map((path) => [path, readPath(payload, path) ?? null]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * An ISO-8601 date-time with a zone (`Z` or `±hh:mm`), else undefined. Stricter than
 * `new Date(text)`, which reads `2009-03-26 21:35:57` or `12/13/2017 20:53:57` in the
 * gateway's own time zone: a time of unknown zone is left out rather than guessed.
 */
export function isoInstant(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
