import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

const INVITEE_CREATED = providerFixture('calendly', 'invitee-created.json');
// The invitee's id in its URI; the delivery id is `invitee.created <payload.uri>`.
const INVITEE = 'invitees/AAAAAAAAAAAAAAAA';
const URI = `https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/${INVITEE}`;

/** Signed as Calendly documents it, with node:crypto: `t=<s>,v1=<hex HMAC-SHA256 of t.body>`. */
export const calendlyCase = signedJsonCase({
  name: 'Calendly',
  provider: 'calendly',
  endpoint: 'scheduling',
  secrets: ['calendly-e2e-next-signing-key', 'calendly-e2e-signing-key'],
  foreignSecret: () => 'another-calendly-signing-key',
  fixture: INVITEE_CREATED,
  idInFixture: INVITEE,
  headers: ({ body, at, secret }) => {
    const t = String(Math.floor(at.getTime() / 1000));
    const v1 = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
    return { 'calendly-webhook-signature': `t=${t},v1=${v1}` };
  },
  signatureHeaders: ['calendly-webhook-signature'],
  documented: {
    type: 'invitee.created',
    providerDeliveryId: `invitee.created ${URI}`,
    payload: JSON.parse(INVITEE_CREATED.toString()),
  },
  dedupe: {
    deliveryIdOf: (key) => `invitee.created ${URI.replace(INVITEE, key)}`,
    retryAfterMs: 60_000,
  },
  tampering: {
    label: 'another email after signing',
    from: 'test@example.com',
    to: 'x@example.com',
  },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"event":' },
    { label: 'has no event', body: '{"payload":{}}', message: /"event"/ },
  ],
});
