import type { IncomingWebhook, NormalizeContext, NormalizedEvent } from '../receiver';
import type { FieldSource } from './hmac/descriptor';
import { missingField, readField } from './hmac/fields';

/** HTTP header names as RFC 9110 allows them (a token). */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** `typeFrom` and `idFrom` of a provider configured in the config file (`token`, `basic`). */
export interface EventFieldOptions {
  readonly typeFrom?: FieldSource;
  readonly idFrom?: FieldSource;
}

/** `options.<name>`: `header:NAME` or `body:json.path`, or undefined when not set. */
export function parseFieldSource(value: unknown, name: string): FieldSource | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^(header|body):(.+)$/.exec(value) : null;
  const rest = match?.[2] ?? '';
  if (match?.[1] === 'header' && HEADER_NAME.test(rest)) return { header: rest };
  if (match?.[1] === 'body' && /^[^.]+(\.[^.]+)*$/.test(rest)) return { path: rest };
  throw new Error(
    `options.${name} must be "header:NAME" or "body:json.path" (e.g. "header:X-Delivery-Id", "body:event.type").`,
  );
}

export function parseEventFields(options: Record<string, unknown>): EventFieldOptions {
  const typeFrom = parseFieldSource(options.typeFrom, 'typeFrom');
  const idFrom = parseFieldSource(options.idFrom, 'idFrom');
  return { ...(typeFrom && { typeFrom }), ...(idFrom && { idFrom }) };
}

/** The type from `typeFrom` (else the endpoint id) and the delivery id from `idFrom`. */
export function normalizeEventFields(
  req: IncomingWebhook,
  payload: unknown,
  ctx: NormalizeContext<EventFieldOptions> | undefined,
): NormalizedEvent {
  if (!ctx) throw new Error('a provider configured per endpoint needs its endpoint to normalize');
  const { typeFrom, idFrom } = ctx.options;
  const type = typeFrom ? readField(req, payload, typeFrom) : ctx.endpoint;
  if (!type) throw missingField(typeFrom!);
  const providerDeliveryId = idFrom && readField(req, payload, idFrom);
  return { type, ...(providerDeliveryId !== undefined && { providerDeliveryId }) };
}
