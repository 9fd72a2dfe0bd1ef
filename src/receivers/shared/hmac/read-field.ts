import type { IncomingWebhook } from '../../receiver';
import type { FieldSource } from './field-source';

/** A string (or a number, as text) at a dot path of the parsed body, e.g. `action.type`. */
export function readPath(payload: unknown, path: string): string | undefined {
  let current: unknown = payload;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current === 'number' && Number.isFinite(current)) return String(current);
  return typeof current === 'string' ? current : undefined;
}

/** A header or body field; empty counts as absent. */
export function readField(
  req: IncomingWebhook,
  payload: unknown,
  source: FieldSource,
): string | undefined {
  const value =
    'header' in source ? req.headers[source.header.toLowerCase()] : readPath(payload, source.path);
  return value || undefined;
}
