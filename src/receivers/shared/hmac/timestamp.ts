import type { IncomingWebhook } from '../../receiver';
import { parseJsonBody } from '../body';
import { timestampSeconds, UNIT_TEXT, type SignedTimestamp } from '../signed-timestamp';
import { listField } from './candidates';
import { readPath } from './fields';
import type { SignatureSource, TimestampSource } from './descriptor';

export type { SignedTimestamp };

/** The timestamp, or a message saying where it was missing or malformed. */
export function readTimestamp(
  req: IncomingWebhook,
  source: TimestampSource,
  signature: SignatureSource,
  signatureValues: readonly string[],
): SignedTimestamp | { readonly missing: string } {
  const raw = rawTimestamp(req, source, signature, signatureValues);
  const seconds = raw === undefined ? NaN : timestampSeconds(raw, source.unit);
  if (raw === undefined || Number.isNaN(seconds)) {
    return { missing: `${where(source, signature)} is missing or not ${UNIT_TEXT[source.unit]}.` };
  }
  return { raw, seconds };
}

function rawTimestamp(
  req: IncomingWebhook,
  source: TimestampSource,
  signature: SignatureSource,
  signatureValues: readonly string[],
): string | undefined {
  if ('header' in source) return req.headers[source.header.toLowerCase()];
  if ('signatureField' in source) {
    return signature.list && signatureValues.length > 0
      ? listField(signatureValues[0], signature.list, source.signatureField)
      : undefined;
  }
  try {
    // Unverified bytes: a body that does not parse only means "no timestamp" here.
    return readPath(parseJsonBody(req.rawBody), source.path);
  } catch {
    return undefined;
  }
}

function where(source: TimestampSource, signature: SignatureSource): string {
  if ('header' in source) return source.header;
  if ('signatureField' in source) {
    return `The "${source.signatureField}" field of ${signature.headers[0]}`;
  }
  return `The body's "${source.path}"`;
}
