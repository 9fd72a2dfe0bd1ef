import { createHash, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { providerFixture, signedJsonCase } from './signed-json-case';

const MESSAGE_CREATED = providerFixture('messagebird', 'message-created.json');
const MESSAGE_ID = '107b7a4f11114a1aa5d20c6d2e7ad7f9';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/messagebird/conversations';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Signed with jsonwebtoken as MessageBird's reference tokens are made: HS256, `iss`
 * MessageBird, `nbf` the signing time and `exp` 60 s later, a `jti`, and the SHA-256 of the URL
 * (the endpoint's publicUrl) and of the body. The window is that 60 s life plus MessageBird's
 * 5 s of clock tolerance (a token from the future is refused after 5 s already).
 */
export const messagebirdCase = signedJsonCase({
  name: 'MessageBird',
  provider: 'messagebird',
  endpoint: 'conversations',
  secrets: ['messagebird-e2e-next-signing-key', 'messagebird-e2e-signing-key'],
  foreignSecret: () => 'another-messagebird-signing-key',
  fixture: MESSAGE_CREATED,
  idInFixture: MESSAGE_ID,
  endpointExtras: { publicUrl: PUBLIC_URL },
  headers: ({ body, at, secret }) => {
    const nbf = Math.floor(at.getTime() / 1000);
    const claims = {
      iss: 'MessageBird',
      nbf,
      exp: nbf + 60,
      jti: randomUUID(),
      url_hash: sha256(PUBLIC_URL),
      ...(body.length > 0 && { payload_hash: sha256(body) }),
    };
    return {
      'messagebird-signature-jwt': jwt.sign(claims, secret, {
        algorithm: 'HS256',
        noTimestamp: true,
      }),
    };
  },
  signatureHeaders: ['messagebird-signature-jwt'],
  documented: {
    type: 'message.created',
    providerDeliveryId: `${MESSAGE_ID}:received`,
    payload: JSON.parse(MESSAGE_CREATED.toString()),
    payloadIncludes: { message: { content: { text: 'Hello' } } },
  },
  dedupe: { deliveryIdOf: (key) => `${key}:received`, retryAfterMs: 60_000 },
  tampering: { label: 'another text after signing', from: '"Hello"', to: '"Hallo"' },
  toleranceSeconds: 65,
  malformed: [
    { label: 'is not JSON', body: '{"type":' },
    { label: 'has no type', body: '{"message":{"id":"m1"}}', message: /"type"/ },
  ],
});
