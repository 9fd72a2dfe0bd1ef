import { Webhook } from 'standardwebhooks';
import { providerFixture, signedJsonCase } from './signed-json-case';

const CHECKOUT_CREATED = providerFixture('polar', 'checkout-created.json');
const MESSAGE_ID = 'msg_polar_checkout_1';

/**
 * Signed as polar-js's own test signs: `standardwebhooks` keyed with the base64 of the
 * secret's UTF-8 bytes, in `webhook-*` headers.
 */
export const polarCase = signedJsonCase({
  name: 'Polar',
  provider: 'polar',
  endpoint: 'orders',
  secrets: ['polar_whs_e2eNextSecret7Qm2Xc', 'polar_whs_e2eSecret3Vt8Lp'],
  foreignSecret: () => 'polar_whs_anotherEndpoint',
  fixture: CHECKOUT_CREATED,
  headers: ({ body, at, secret, key }) => {
    const id = key ?? MESSAGE_ID;
    const webhook = new Webhook(Buffer.from(secret, 'utf-8').toString('base64'));
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': webhook.sign(id, at, body),
    };
  },
  signatureHeaders: ['webhook-signature'],
  documented: {
    type: 'checkout.created',
    providerDeliveryId: MESSAGE_ID,
    payload: JSON.parse(CHECKOUT_CREATED.toString()),
  },
  tampering: { label: 'another amount after signing', from: '"amount": 1000', to: '"amount": 1' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"type":' },
    { label: 'has no type', body: '{"data":{}}', message: /"type"/ },
  ],
});
