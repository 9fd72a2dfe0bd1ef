import { verify, type KeyObject } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * PayPal signs `<transmission id>|<transmission time>|<webhook id>|<CRC-32 of the raw body>` with
 * SHA256withRSA (RSA PKCS#1 v1.5 over SHA-256); the CRC is the zlib/IEEE one written as an
 * unsigned decimal, and the header values are used exactly as sent.
 */
export interface SignedFields {
  readonly transmissionId: string;
  readonly transmissionTime: string;
  readonly webhookId: string;
}

export function paypalSignedString(fields: SignedFields, rawBody: Buffer): string {
  // zlib.crc32 returns an unsigned 32-bit number; `>>> 0` keeps that true whatever the runtime.
  const crc = crc32(rawBody) >>> 0;
  return `${fields.transmissionId}|${fields.transmissionTime}|${fields.webhookId}|${crc}`;
}

/** The one PAYPAL-AUTH-ALGO value PayPal sends and the gateway supports. */
export const SUPPORTED_AUTH_ALGO = 'SHA256withRSA';

/** Java algorithm names are case-insensitive, as PayPal's Java SDK treats them. */
export function isSupportedAuthAlgo(value: string): boolean {
  return value.toLowerCase() === SUPPORTED_AUTH_ALGO.toLowerCase();
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Verify PAYPAL-TRANSMISSION-SIG (base64) over the signed string with the certificate's key. */
export function verifyPaypalSignature(
  signedString: string,
  signatureBase64: string,
  publicKey: KeyObject,
): boolean {
  if (!BASE64.test(signatureBase64)) return false;
  try {
    return verify(
      'sha256',
      Buffer.from(signedString, 'utf8'),
      publicKey,
      Buffer.from(signatureBase64, 'base64'),
    );
  } catch {
    // A signature of the wrong length for the key, or a key of the wrong type: not a match.
    return false;
  }
}
