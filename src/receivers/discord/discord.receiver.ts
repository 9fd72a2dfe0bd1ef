import type { Receiver } from '../receiver';
import { asymmetricReceiver } from '../shared/asymmetric/asymmetric-receiver';
import type { AsymmetricOptions } from '../shared/asymmetric/descriptor';
import { acknowledgeDiscord, answerDiscordPing } from './discord.answers';
import { normalizeDiscord } from './discord.normalize';
import { discordReply } from './discord.replies';

const signed = asymmetricReceiver({
  name: 'discord',
  title: 'Discord',
  // Interactions must be answered within 3 s, webhook events too (docs/events/webhook-events).
  ackDeadlineMs: 3_000,
  // Ed25519 over the timestamp header and the body, with the application's public key
  // (docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers).
  scheme: 'ed25519',
  publicKey: {
    encoding: 'hex',
    hint: 'a 64-character hex Ed25519 public key, as the Discord developer portal shows it (General Information → Public Key)',
  },
  signature: { header: 'X-Signature-Ed25519', encoding: 'hex' },
  timestamp: { header: 'X-Signature-Timestamp', unit: 's' },
  signedContent: '{timestamp}{body}',
  normalize: normalizeDiscord,
});

/**
 * Discord: interactions (slash commands, components, modals) and webhook events, on one URL
 * each or both on one. A bad signature is refused 401, as Discord checks by sending some on
 * purpose; the PINGs are answered after verification and never stored.
 */
export const discordReceiver: Receiver<AsymmetricOptions> = {
  ...signed,
  profile: { ...signed.profile!, handshakes: ['ping'] },
  handshakeAfterVerify: answerDiscordPing,
  acknowledge: acknowledgeDiscord,
  reply: discordReply,
};
