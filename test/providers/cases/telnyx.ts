import { sign } from 'node:crypto';
import { publicKeyPairs, rawEd25519 } from './public-key-pairs';
import { providerFixture, signedJsonCase } from './signed-json-case';

const GATHER_ENDED = providerFixture('telnyx', 'call-ai-gather-ended.json');
const EVENT_ID = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';
const keys = publicKeyPairs('ed25519', (key) => rawEd25519(key).toString('base64'));
const SECRETS = [keys.make(), keys.make()] as const;

/** Signed as telnyx-node checks it, with node:crypto: Ed25519 over `timestamp|body`. */
export const telnyxCase = signedJsonCase({
  name: 'Telnyx',
  provider: 'telnyx',
  endpoint: 'voice',
  secrets: SECRETS,
  foreignSecret: () => keys.make(),
  fixture: GATHER_ENDED,
  idInFixture: EVENT_ID,
  headers: ({ body, at, secret }) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    const data = Buffer.concat([Buffer.from(`${ts}|`), body]);
    return {
      'telnyx-signature-ed25519': sign(null, data, keys.privateKeyOf(secret)).toString('base64'),
      'telnyx-timestamp': ts,
    };
  },
  signatureHeaders: ['telnyx-signature-ed25519'],
  documented: {
    type: 'call.ai_gather.ended',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(GATHER_ENDED.toString()),
  },
  tampering: { label: 'the city changed after signing', from: '"Paris"', to: '"Lyon"' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"data":' },
    { label: 'has no event type', body: '{"data":{"id":"e1"}}', message: /data\.event_type/ },
  ],
});
