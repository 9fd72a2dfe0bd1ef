import type { VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import { hmac } from '../shared/hmac';
import { checkTimestampWindow, parseUnixSeconds } from '../shared/timestamp-window';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Stripe signs `{t}.{raw body}` with HMAC-SHA256 and sends
 *   Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=<hex>]
 * The key is the endpoint secret *verbatim*, `whsec_` prefix included: unlike Standard
 * Webhooks it is not base64-decoded. During a secret roll Stripe sends one `v1` per secret.
 */
export interface StripeSignatureHeader {
  readonly timestamp: string;
  readonly v1: readonly string[];
}

/** Split the header into its `t` and its `v1` values; other schemes (`v0`, ...) are ignored. */
export function parseStripeSignatureHeader(header: string): StripeSignatureHeader | undefined {
  const timestamps: string[] = [];
  const v1: string[] = [];
  for (const item of header.split(',')) {
    const equals = item.indexOf('=');
    if (equals < 0) continue;
    const [key, value] = [item.slice(0, equals), item.slice(equals + 1)];
    if (key === 't') timestamps.push(value);
    else if (key === 'v1' && value) v1.push(value);
  }
  // Two `t=` would make it ambiguous which one was signed.
  return timestamps.length === 1 ? { timestamp: timestamps[0], v1 } : undefined;
}

/** The hex `v1` signature of `body` at `timestamp` (as sent in `t=`) under `secret`. */
export function signStripe(secret: string, timestamp: string | number, body: Buffer): string {
  return hmac('sha256', secret, `${timestamp}.`, body).toString('hex');
}

/** Signature first, then the window, so `stale-timestamp` means "authentic but late or early". */
export function verifyStripeSignature(
  header: string | undefined,
  body: Buffer,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number,
): VerifyResult {
  if (!header) return refuse('The Stripe-Signature header is missing.');
  const parsed = parseStripeSignatureHeader(header);
  if (!parsed) return refuse('Stripe-Signature must carry exactly one "t=<unix seconds>".');
  const seconds = parseUnixSeconds(parsed.timestamp);
  if (Number.isNaN(seconds))
    return refuse('The "t=" of Stripe-Signature must be whole Unix seconds.');
  if (parsed.v1.length === 0) return refuse('Stripe-Signature has no "v1=" signature.');

  const secretIndex = matchAnySecret(secrets, parsed.v1, (secret) =>
    signStripe(secret, parsed.timestamp, body),
  );
  if (secretIndex < 0) {
    const spaces = secrets.some((secret) => /\s/.test(secret));
    return refuse(
      "No v1 signature matches the raw body under any configured secret (use the endpoint's whsec_ secret as is)." +
        (spaces
          ? ' A configured secret contains whitespace: check for a stray newline or space.'
          : ''),
    );
  }
  const window = checkTimestampWindow(seconds, now, toleranceSeconds);
  if (!window.ok) return refuse(window.message, 'stale-timestamp');
  return { ok: true, secretIndex };
}
