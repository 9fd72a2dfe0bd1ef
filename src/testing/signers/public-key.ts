import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { unixSeconds } from './encoding';
import { SignWebhookError, type Signer } from './signer';

/** A PEM private key (PKCS#8 or SEC1/PKCS#1), refused with a message that does not quote it. */
export function privateKeyOf(pem: string, title: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new SignWebhookError(`${title}: secret must be a PEM private key.`);
  }
}

interface KeySignedSpec {
  readonly title: string;
  readonly scheme: 'ed25519' | 'ecdsa-p256';
  readonly signatureHeader: string;
  readonly encoding: 'hex' | 'base64';
  readonly timestampHeader: string;
  /** Between the timestamp and the body in the signed bytes. */
  readonly joiner: string;
  readonly publicKeyShown: string;
}

/**
 * A provider that signs `timestamp + joiner + body` with its private key; the endpoint holds
 * the public key. `secret` is the private key (PEM) that pairs with it.
 */
function keySigned(spec: KeySignedSpec): Signer {
  return {
    contentType: 'application/json',
    secretMeans: `the PEM private key pairing with the endpoint's public key (${spec.publicKeyShown})`,
    sign(input) {
      const key = privateKeyOf(input.secret, spec.title);
      const timestamp = String(unixSeconds(input.now));
      const data = Buffer.concat([Buffer.from(`${timestamp}${spec.joiner}`), input.body]);
      const signature =
        spec.scheme === 'ed25519'
          ? sign(null, data, key)
          : sign('sha256', data, { key, dsaEncoding: 'der' });
      return {
        headers: {
          [spec.signatureHeader]: signature.toString(spec.encoding),
          [spec.timestampHeader]: timestamp,
        },
      };
    },
  };
}

export const discordSigner = keySigned({
  title: 'Discord',
  scheme: 'ed25519',
  signatureHeader: 'x-signature-ed25519',
  encoding: 'hex',
  timestampHeader: 'x-signature-timestamp',
  joiner: '',
  publicKeyShown: 'the application public key, hex',
});

export const telnyxSigner = keySigned({
  title: 'Telnyx',
  scheme: 'ed25519',
  signatureHeader: 'telnyx-signature-ed25519',
  encoding: 'base64',
  timestampHeader: 'telnyx-timestamp',
  joiner: '|',
  publicKeyShown: 'the account public key, base64',
});

export const sendgridSigner = keySigned({
  title: 'SendGrid',
  scheme: 'ecdsa-p256',
  signatureHeader: 'x-twilio-email-event-webhook-signature',
  encoding: 'base64',
  timestampHeader: 'x-twilio-email-event-webhook-timestamp',
  joiner: '',
  publicKeyShown: 'the verification key, base64 SPKI',
});
