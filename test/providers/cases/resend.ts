import { newWhsecSecret, standardWebhooksHeaders } from './standard-webhooks';
import { providerFixture, signedJsonCase } from './signed-json-case';

const EMAIL_SENT = providerFixture('resend', 'email-sent.json');
const MESSAGE_ID = 'msg_2crwTWMpC3mBBmpkPDSWVv2cfx0';

/** Signed by `standardwebhooks` (what resend-node verifies with), in Svix's headers. */
export const resendCase = signedJsonCase({
  name: 'Resend',
  provider: 'resend',
  endpoint: 'emails',
  secrets: [newWhsecSecret(), newWhsecSecret(24)],
  foreignSecret: () => newWhsecSecret(),
  fixture: EMAIL_SENT,
  headers: ({ body, at, secret, key }) =>
    standardWebhooksHeaders(secret, body, at, key ?? MESSAGE_ID, 'svix'),
  signatureHeaders: ['svix-signature'],
  documented: {
    type: 'email.sent',
    providerDeliveryId: MESSAGE_ID,
    payload: JSON.parse(EMAIL_SENT.toString()),
  },
  tampering: { label: 'another recipient after signing', from: 'delivered@', to: 'bounced@' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"type":' },
    { label: 'has no type', body: '{"data":{}}', message: /"type"/ },
  ],
});
