import type { IncomingWebhook } from '../../receiver';
import { parseJsonBody } from '../body';
import { parseUnixSeconds } from '../timestamp-window';
import { listField } from './candidates';
import { readPath } from './fields';
import type { SignatureSource, TimestampSource, TimestampUnit } from './descriptor';

/** A signed timestamp: as sent (for `{timestamp}`) and in seconds (for the window). */
export interface SignedTimestamp {
  readonly raw: string;
  readonly seconds: number;
}

/** The timestamp, or a message saying where it was missing or malformed. */
export function readTimestamp(
  req: IncomingWebhook,
  source: TimestampSource,
  signature: SignatureSource,
  signatureValues: readonly string[],
): SignedTimestamp | { readonly missing: string } {
  const raw = rawTimestamp(req, source, signature, signatureValues);
  const seconds = raw === undefined ? NaN : toSeconds(raw, source.unit);
  if (raw === undefined || Number.isNaN(seconds)) {
    return { missing: `${where(source, signature)} is missing or not ${UNIT_TEXT[source.unit]}.` };
  }
  return { raw, seconds };
}

const UNIT_TEXT: Record<TimestampUnit, string> = {
  s: 'a whole number of seconds',
  ms: 'a whole number of milliseconds',
  iso8601: 'an ISO-8601 date and time',
};

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

function toSeconds(raw: string, unit: TimestampUnit): number {
  if (unit === 's') return parseUnixSeconds(raw);
  if (unit === 'ms') return /^\d{1,15}$/.test(raw) ? Number(raw) / 1000 : NaN;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
  return iso.test(raw) ? Date.parse(raw) / 1000 : NaN;
}

function where(source: TimestampSource, signature: SignatureSource): string {
  if ('header' in source) return source.header;
  if ('signatureField' in source) {
    return `The "${source.signatureField}" field of ${signature.headers[0]}`;
  }
  return `The body's "${source.path}"`;
}
