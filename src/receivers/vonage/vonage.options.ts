import { parseToleranceSeconds, rejectUnknownOptions } from '../shared/options';

/**
 * How an endpoint's deliveries are signed: `jwt` (Messages and Voice signed webhooks, the
 * default) or the SMS API's `sig` parameter with the method chosen in the dashboard.
 */
export const VONAGE_SIGNATURES = [
  'jwt',
  'sms-md5hash',
  'sms-hmac-md5',
  'sms-hmac-sha1',
  'sms-hmac-sha256',
  'sms-hmac-sha512',
] as const;
export type VonageSignature = (typeof VONAGE_SIGNATURES)[number];

export interface VonageOptions {
  readonly signature: VonageSignature;
  /** Window around the JWT's `iat`, or the SMS `timestamp` parameter; 0 turns it off. */
  readonly toleranceSeconds: number;
}

export function parseVonageOptions(options: Record<string, unknown> | undefined): VonageOptions {
  rejectUnknownOptions(options, 'Vonage', ['signature', 'toleranceSeconds']);
  const signature = options?.signature ?? 'jwt';
  if (!VONAGE_SIGNATURES.includes(signature as VonageSignature)) {
    throw new Error(
      `options.signature must be one of ${VONAGE_SIGNATURES.join(', ')} (jwt for Messages and Voice; the SMS API's signature method from the dashboard otherwise).`,
    );
  }
  return {
    signature: signature as VonageSignature,
    toleranceSeconds: parseToleranceSeconds(options?.toleranceSeconds),
  };
}
