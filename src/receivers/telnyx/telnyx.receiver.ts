import type { Receiver } from '../receiver';
import { asymmetricReceiver } from '../shared/asymmetric/asymmetric-receiver';
import type { AsymmetricOptions } from '../shared/asymmetric/descriptor';
import { normalizeTelnyx } from './telnyx.normalize';

/**
 * Telnyx (voice, messaging, fax, ...): Ed25519 over `timestamp|body` with the account's public
 * key, the timestamp in seconds and refused more than 300 s either way, as the SDK does
 * (telnyx-node `src/lib/webhooks.ts`, `TelnyxWebhook.verify`).
 */
export const telnyxReceiver: Receiver<AsymmetricOptions> = asymmetricReceiver({
  name: 'telnyx',
  title: 'Telnyx',
  scheme: 'ed25519',
  publicKey: {
    encoding: 'base64',
    hint: 'a base64 Ed25519 public key (32 bytes), as Mission Control shows it under Keys & Credentials → Public Key',
  },
  signature: { header: 'telnyx-signature-ed25519', encoding: 'base64' },
  timestamp: { header: 'telnyx-timestamp', unit: 's', toleranceSeconds: 300 },
  signedContent: '{timestamp}|{body}',
  normalize: normalizeTelnyx,
});
