import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

const USER_CREATED = providerFixture('workos', 'dsync-user-created.json');
const EVENT_ID = 'wh_123';

/**
 * Signed as workos-node's own spec signs, with node:crypto: `t=<ms>, v1=<hex HMAC-SHA256 of
 * t.body>`, the space after the comma included.
 */
export const workosCase = signedJsonCase({
  name: 'WorkOS',
  provider: 'workos',
  endpoint: 'directory',
  secrets: ['workos-e2e-next-webhook-secret', 'workos-e2e-webhook-secret'],
  foreignSecret: () => 'another-workos-endpoint-secret',
  fixture: USER_CREATED,
  idInFixture: EVENT_ID,
  headers: ({ body, at, secret }) => {
    const t = String(at.getTime());
    const v1 = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
    return { 'workos-signature': `t=${t}, v1=${v1}` };
  },
  signatureHeaders: ['workos-signature'],
  documented: {
    type: 'dsync.user.created',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(USER_CREATED.toString()),
  },
  tampering: { label: 'another state after signing', from: '"active"', to: '"inactive"' },
  toleranceSeconds: 180,
  malformed: [
    { label: 'is not JSON', body: '{"event":' },
    { label: 'has no event', body: '{"id":"wh_1","data":{}}', message: /"event"/ },
  ],
});
