import { createHmac } from 'node:crypto';

const segment = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * A compact HS256 JWT. jose only signs asynchronously and `signWebhook` is synchronous, so the
 * three segments are made here with node:crypto (RFC 7515 compact serialization).
 */
export function hs256Jwt(claims: Readonly<Record<string, unknown>>, secret: string): string {
  const signingInput = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(claims)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
