import { newWhsecSecret, standardWebhooksHeaders } from './standard-webhooks';
import { providerFixture, signedJsonCase } from './signed-json-case';

const USER_CREATED = providerFixture('clerk', 'user-created.json');
const MESSAGE_ID = 'msg_2HbVgeo5kI0dUoQLtJd2Uf1Vpz4';

/** Signed by `standardwebhooks` (what @clerk/backend verifies with), in Svix's headers. */
export const clerkCase = signedJsonCase({
  name: 'Clerk',
  provider: 'clerk',
  endpoint: 'users',
  secrets: [newWhsecSecret(), newWhsecSecret(24)],
  foreignSecret: () => newWhsecSecret(),
  fixture: USER_CREATED,
  headers: ({ body, at, secret, key }) =>
    standardWebhooksHeaders(secret, body, at, key ?? MESSAGE_ID, 'svix'),
  signatureHeaders: ['svix-signature'],
  documented: {
    type: 'user.created',
    providerDeliveryId: MESSAGE_ID,
    payload: JSON.parse(USER_CREATED.toString()),
  },
  tampering: { label: 'another external id after signing', from: '"567772"', to: '"1"' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"type":' },
    { label: 'has no type', body: '{"object":"event"}', message: /"type"/ },
  ],
});
