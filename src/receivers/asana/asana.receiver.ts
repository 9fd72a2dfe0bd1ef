import type { Receiver } from '../receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import { answerHeartbeat, normalizeAsana } from './asana.events';

/**
 * Asana: `X-Hook-Signature: <hex HMAC-SHA256 of the body>` under the secret Asana handed over
 * in the webhook's handshake (`X-Hook-Secret`), which the gateway keeps per endpoint
 * (pipeline/handshake-secret.stage.ts); no secret is configured. Hex as in Asana's example
 * servers (https://developers.asana.com/docs/webhooks-guide). Asana waits 10 s, then resends
 * for up to 24 hours.
 */
export const asanaDescriptor: HmacDescriptor = {
  name: 'asana',
  title: 'Asana',
  ackDeadlineMs: 10_000,
  algorithm: 'sha256',
  signature: { headers: ['X-Hook-Signature'], encoding: 'hex' },
  messages: {
    missing: 'X-Hook-Signature is missing.',
    mismatch:
      'X-Hook-Signature does not match the secret of the webhook handshake (nor any configured secret).',
  },
  normalize: normalizeAsana,
};

const signed = hmacReceiver<HmacOptions>(asanaDescriptor);

export const asanaReceiver: Receiver<HmacOptions> = {
  ...signed,
  requiresSecret: false,
  handshakeSecretHeader: 'X-Hook-Secret',
  secretHeaders: ['x-hook-secret'],
  handshakeAfterVerify: answerHeartbeat,
  profile: { ...signed.profile!, handshakes: ['echo-header', 'heartbeat'] },
};
