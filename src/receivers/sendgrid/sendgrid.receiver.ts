import type { Receiver } from '../receiver';
import { asymmetricReceiver } from '../shared/asymmetric/asymmetric-receiver';
import type { AsymmetricOptions } from '../shared/asymmetric/descriptor';
import { normalizeSendgrid, parseSendgridEvents } from './sendgrid.events';

/**
 * SendGrid's signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header followed
 * by the body, the signature in base64 DER, the verification key a base64 SPKI
 * (sendgrid-nodejs `packages/eventwebhook/src/eventwebhook.js`). SendGrid documents no window
 * and its SDK checks none; the gateway checks the usual 300 s both ways (docs/providers.md).
 */
export const sendgridReceiver: Receiver<AsymmetricOptions> = asymmetricReceiver({
  name: 'sendgrid',
  title: 'SendGrid',
  scheme: 'ecdsa-p256',
  publicKey: {
    encoding: 'base64-spki',
    hint: 'a base64 ECDSA P-256 public key (it starts with MFkw), as Mail Settings → Event Webhook → Signature Verification shows it',
  },
  signature: { header: 'X-Twilio-Email-Event-Webhook-Signature', encoding: 'base64' },
  timestamp: { header: 'X-Twilio-Email-Event-Webhook-Timestamp', unit: 's' },
  signedContent: '{timestamp}{body}',
  parse: parseSendgridEvents,
  normalize: normalizeSendgrid,
});
