import type { VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import type { PaypalCertificateSource } from './paypal.cert-source';
import type { PaypalOptions } from './paypal.options';
import { paypalSignedString, verifyPaypalSignature } from './paypal.signature';
import type { Transmission } from './paypal.transmission';

/**
 * Verify a transmission here: get the checked certificate's key (cached) and check the signature
 * over the signed string. `certUrl` must have passed checkCertUrl.
 */
export async function verifyOffline(
  certificates: PaypalCertificateSource,
  options: PaypalOptions,
  transmission: Transmission,
  certUrl: string,
  rawBody: Buffer,
  now: Date,
): Promise<VerifyResult> {
  const certificate = await certificates.publicKey(
    certUrl,
    options.trust,
    options.environment,
    now,
  );
  if (!certificate.ok) return refuse(certificate.message);

  const signed = paypalSignedString(
    {
      transmissionId: transmission.id,
      transmissionTime: transmission.time,
      webhookId: options.webhookId,
    },
    rawBody,
  );
  return verifyPaypalSignature(signed, transmission.signature, certificate.publicKey)
    ? { ok: true, secretIndex: 0 }
    : refuse(
        'The PayPal signature does not match this body, transmission and options.webhookId ' +
          '(check that webhookId is the id of the webhook this URL is registered under).',
      );
}
