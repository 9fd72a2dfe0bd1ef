import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

const ASSET_READY = providerFixture('mux', 'video-asset-ready.json');
const EVENT_ID = '3a56ac3d-33da-4366-855b-f592d898409d';

/** Signed as mux-node-sdk checks it, with node:crypto: `t=<s>,v1=<hex HMAC-SHA256 of t.body>`. */
export const muxCase = signedJsonCase({
  name: 'Mux',
  provider: 'mux',
  endpoint: 'video',
  secrets: ['mux-e2e-next-signing-secret', 'mux-e2e-signing-secret'],
  foreignSecret: () => 'another-mux-environment-secret',
  fixture: ASSET_READY,
  idInFixture: EVENT_ID,
  headers: ({ body, at, secret }) => {
    const t = String(Math.floor(at.getTime() / 1000));
    const v1 = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
    return { 'mux-signature': `t=${t},v1=${v1}` };
  },
  signatureHeaders: ['mux-signature'],
  documented: {
    type: 'video.asset.ready',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(ASSET_READY.toString()),
  },
  tampering: { label: 'ready turned errored after signing', from: '"ready"', to: '"errored"' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"type":' },
    { label: 'has no type', body: '{"id":"e1","data":{}}', message: /"type"/ },
  ],
});
