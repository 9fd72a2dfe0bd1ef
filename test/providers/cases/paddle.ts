import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

const CUSTOMER_CREATED = providerFixture('paddle', 'customer-created.json');
const EVENT_ID = 'evt_01hv8wt8nffez4p2t6typn4a5j';

/** Signed as paddle-node-sdk checks it, with node:crypto: `ts=<s>;h1=<hex HMAC-SHA256 of ts:body>`. */
export const paddleCase = signedJsonCase({
  name: 'Paddle',
  provider: 'paddle',
  endpoint: 'billing',
  secrets: ['pdl_ntfset_e2e_next_secret_key', 'pdl_ntfset_e2e_current_secret_key'],
  foreignSecret: () => 'pdl_ntfset_another_destination',
  fixture: CUSTOMER_CREATED,
  idInFixture: EVENT_ID,
  headers: ({ body, at, secret }) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    const h1 = createHmac('sha256', secret).update(`${ts}:`).update(body).digest('hex');
    return { 'paddle-signature': `ts=${ts};h1=${h1}` };
  },
  signatureHeaders: ['paddle-signature'],
  documented: {
    type: 'customer.created',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(CUSTOMER_CREATED.toString()),
  },
  tampering: { label: 'another email after signing', from: 'weloveyourproduct', to: 'attacker' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"event_type":' },
    { label: 'has no event_type', body: '{"event_id":"evt_1"}', message: /event_type/ },
  ],
});
