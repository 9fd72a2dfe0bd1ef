import { createHash, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { providerFixture, signedJsonCase } from './signed-json-case';

const MESSAGE_STATUS = providerFixture('vonage', 'message-status.json');
const MESSAGE_UUID = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

/**
 * A Messages API status signed with jsonwebtoken as Vonage's signed-webhooks page shows the
 * token: HS256 with the signature secret, `iat`, `jti`, `iss` Vonage, `payload_hash` (SHA-256
 * of the body), `api_key`, `application_id`, sent as `Authorization: Bearer`.
 */
const signed = signedJsonCase({
  name: 'Vonage (signed webhooks JWT)',
  provider: 'vonage',
  endpoint: 'messages',
  secrets: ['vonage-e2e-next-signature-secret', 'vonage-e2e-signature-secret'],
  foreignSecret: () => 'another-vonage-signature-secret',
  fixture: MESSAGE_STATUS,
  idInFixture: MESSAGE_UUID,
  headers: ({ body, at, secret }) => {
    const claims = {
      iat: Math.floor(at.getTime() / 1000),
      jti: randomUUID(),
      iss: 'Vonage',
      payload_hash: createHash('sha256').update(body).digest('hex'),
      api_key: 'a1b2c3d',
      application_id: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
    };
    return { authorization: `Bearer ${jwt.sign(claims, secret, { algorithm: 'HS256' })}` };
  },
  signatureHeaders: ['authorization'],
  secretHeaders: ['authorization'],
  documented: {
    type: 'message.status',
    providerDeliveryId: `${MESSAGE_UUID}:delivered`,
    payload: JSON.parse(MESSAGE_STATUS.toString()),
    payloadIncludes: { status: 'delivered', channel: 'sms' },
  },
  dedupe: { deliveryIdOf: (key) => `${key}:delivered`, retryAfterMs: 60_000 },
  tampering: { label: 'another status after signing', from: '"delivered"', to: '"rejected"' },
  toleranceSeconds: 300,
  malformed: [{ label: 'is not JSON', body: '{"message_uuid":' }],
});

// The SMS API posts forms, so a form is no wrong media type for this receiver.
export const vonageCase = { ...signed, otherRefusedContentTypes: [] };
