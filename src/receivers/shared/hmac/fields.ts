import { MalformedBodyError } from '../../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../../receiver';
import type { FieldSource, HmacDescriptor } from './descriptor';
import { readField } from './read-field';
import { bodyDigest } from '../digests';

export { readField, readPath } from './read-field';

/** `type`, delivery id and time from where the descriptor says they are. */
export function normalizeFields(
  descriptor: HmacDescriptor<any>,
  req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  const type = readType(descriptor, req, payload);
  const id = descriptor.id;
  const providerDeliveryId =
    id === 'body-hash' ? bodyDigest(req.rawBody) : id && readField(req, payload, id);
  const occurredAt =
    descriptor.occurredAt && isoDate(readField(req, payload, descriptor.occurredAt));
  return {
    type,
    ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    ...(occurredAt !== undefined && { occurredAt }),
  };
}

/** The type where a descriptor (HMAC or `?code=`) says it is: a header, a body path, or fixed. */
export function readType(
  descriptor: { readonly title: string; readonly type?: FieldSource | { readonly fixed: string } },
  req: IncomingWebhook,
  payload: unknown,
): string {
  const source = descriptor.type;
  if (!source) throw new Error(`${descriptor.title}: the descriptor names no type`);
  if ('fixed' in source) return source.fixed;
  const type = readField(req, payload, source);
  if (type) return type;
  throw missingField(source);
}

/** The 400 for a field the event type is read from and the request lacks. */
export function missingField(source: FieldSource): MalformedBodyError {
  return new MalformedBodyError(
    'header' in source
      ? `the ${source.header} header is missing`
      : `the body has no "${source.path}"`,
  );
}

function isoDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
