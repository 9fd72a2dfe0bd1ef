import { sign } from 'node:crypto';
import type { ProviderCase, WebhookRequest } from '../provider-case';
import { publicKeyPairs, rawEd25519 } from './public-key-pairs';
import { providerFixture } from './signed-json-case';

/** The docs' user-command interaction; its id becomes the key. */
const COMMAND = providerFixture('discord', 'interaction-user-command.json');
const INTERACTION_ID = '867794291820986368';
const PATH = '/webhooks/discord/app';
const keys = publicKeyPairs('ed25519', (key) => rawEd25519(key).toString('hex'));
const SECRETS = [keys.make(), keys.make()];

/** Signed as discord-interactions checks it, with node:crypto: Ed25519 over timestamp + body. */
function signed(body: Buffer, at: Date, publicKey = SECRETS[1]): WebhookRequest {
  const ts = String(Math.floor(at.getTime() / 1000));
  const data = Buffer.concat([Buffer.from(ts), body]);
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'x-signature-ed25519': sign(null, data, keys.privateKeyOf(publicKey)).toString('hex'),
      'x-signature-timestamp': ts,
    },
    body,
  };
}

/** Interactions; webhook events (answered 204) are in test/providers/discord.e2e-spec.ts. */
export const discordCase: ProviderCase = {
  name: 'Discord',
  provider: 'discord',
  endpoint: 'app',
  app: () => ({ endpoint: { provider: 'discord', id: 'app', secrets: [...SECRETS] } }),
  sign: ({ at, key, body, secret }) =>
    signed(
      body ?? (key ? Buffer.from(COMMAND.toString().replace(INTERACTION_ID, key)) : COMMAND),
      at,
      secret,
    ),
  secrets: [...SECRETS],
  foreignSecret: { make: () => keys.make() },
  signatureHeaders: ['x-signature-ed25519'],
  secretHeaders: [],
  documented: {
    type: 'interaction.application_command',
    providerDeliveryId: INTERACTION_ID,
    payload: JSON.parse(COMMAND.toString()),
  },
  // A deferred reply (the user sees "thinking…"); the gateway's id and duplicate go in headers.
  acknowledgement: { contentType: 'application/json; charset=utf-8', text: '{"type":5}' },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 1_000 },
  tamperings: [
    {
      label: 'the command name changed after signing',
      signedBody: COMMAND,
      sentBody: Buffer.from(COMMAND.toString().replace('context-menu-user-2', 'ban')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: (at) => signed(Buffer.from('{"type":'), at) },
    {
      label: 'is neither an interaction nor a webhook event',
      request: (at) => signed(Buffer.from('{"type":2,"token":"t"}'), at),
      message: /neither an interaction/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
