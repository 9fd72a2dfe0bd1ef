import { sign } from 'node:crypto';
import { publicKeyPairs } from './public-key-pairs';
import { providerFixture, signedJsonCase } from './signed-json-case';

/** The SDK test vector's payload, trailing CRLF included; its sg_event_id becomes the key. */
const DROPPED = providerFixture('sendgrid', 'dropped.json');
const EVENT_ID = 'ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA';
const keys = publicKeyPairs('p256', (key) =>
  key.export({ type: 'spki', format: 'der' }).toString('base64'),
);
const SECRETS = [keys.make(), keys.make()] as const;

/**
 * Signed as @sendgrid/eventwebhook checks it, with node:crypto: ECDSA P-256 / SHA-256 over the
 * timestamp and the body, base64 DER.
 */
export const sendgridCase = signedJsonCase({
  name: 'SendGrid',
  provider: 'sendgrid',
  endpoint: 'mail',
  secrets: SECRETS,
  foreignSecret: () => keys.make(),
  fixture: DROPPED,
  idInFixture: EVENT_ID,
  headers: ({ body, at, secret }) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    const data = Buffer.concat([Buffer.from(ts), body]);
    const key = { key: keys.privateKeyOf(secret), dsaEncoding: 'der' as const };
    return {
      'x-twilio-email-event-webhook-signature': sign('sha256', data, key).toString('base64'),
      'x-twilio-email-event-webhook-timestamp': ts,
    };
  },
  signatureHeaders: ['x-twilio-email-event-webhook-signature'],
  documented: {
    type: 'dropped',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(DROPPED.toString()),
  },
  tampering: { label: 'the reason changed after signing', from: 'Bounced', to: 'Blocked' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '[{"event":' },
    { label: 'is an object, not an array', body: '{"event":"open"}', message: /JSON array/ },
    { label: 'has an event without a type', body: '[{"email":"a@b.c"}]', message: /"event"/ },
  ],
});
