import type { IncomingWebhook } from '../receiver';
import { checkTimestampWindow } from '../shared/timestamp-window';
import { isSupportedAuthAlgo, SUPPORTED_AUTH_ALGO } from './paypal.signature';

/** The PAYPAL-* headers of one transmission (one delivery attempt). */
export interface Transmission {
  readonly id: string;
  readonly time: string;
  readonly signature: string;
  readonly certUrl: string;
  readonly authAlgo: string;
}

export type TransmissionRead =
  | { ok: true; transmission: Transmission }
  | { ok: false; reason: 'signature' | 'stale-timestamp'; message: string };

const HEADERS = {
  id: 'paypal-transmission-id',
  time: 'paypal-transmission-time',
  signature: 'paypal-transmission-sig',
  certUrl: 'paypal-cert-url',
  authAlgo: 'paypal-auth-algo',
} as const;

/** RFC 3339 date-time, as PayPal writes it (`2019-08-29T10:49:33Z`). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Read the transmission headers, refuse an unsupported algorithm, and check the transmission
 * time against the window. No network and no key yet: cheap refusals come first.
 */
export function readTransmission(
  req: IncomingWebhook,
  now: Date,
  toleranceSeconds: number,
): TransmissionRead {
  const missing = Object.values(HEADERS).filter((name) => !req.headers[name]);
  if (missing.length > 0) {
    return {
      ok: false,
      reason: 'signature',
      message: `PayPal's signature headers are missing: ${missing.join(', ')}.`,
    };
  }
  const transmission: Transmission = {
    id: req.headers[HEADERS.id]!,
    time: req.headers[HEADERS.time]!,
    signature: req.headers[HEADERS.signature]!,
    certUrl: req.headers[HEADERS.certUrl]!,
    authAlgo: req.headers[HEADERS.authAlgo]!,
  };
  if (!isSupportedAuthAlgo(transmission.authAlgo)) {
    return {
      ok: false,
      reason: 'signature',
      message: `PAYPAL-AUTH-ALGO "${transmission.authAlgo.slice(0, 40)}" is not supported; only ${SUPPORTED_AUTH_ALGO} is.`,
    };
  }
  const millis = RFC3339.test(transmission.time) ? Date.parse(transmission.time) : NaN;
  if (Number.isNaN(millis)) {
    return {
      ok: false,
      reason: 'signature',
      message: 'PAYPAL-TRANSMISSION-TIME is not an RFC 3339 date-time.',
    };
  }
  const window = checkTimestampWindow(Math.floor(millis / 1000), now, toleranceSeconds);
  if (!window.ok) return { ok: false, reason: 'stale-timestamp', message: window.message };
  return { ok: true, transmission };
}
