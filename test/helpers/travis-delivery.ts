import { generateKeyPairSync, sign } from 'node:crypto';

/** travis-ci.com's `/config`, where the receiver reads the key by default. */
export const TRAVIS_CONFIG_URL = 'https://api.travis-ci.com/config';

export interface TravisKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** A throwaway RSA key pair standing in for Travis CI's webhook signing key. */
export function travisKeyPair(): TravisKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Sign and encode a delivery the way Travis's docs say, with node:crypto here (not the
 * receiver's code): base64 of an RSA signature with a SHA-1 digest over the `payload` value,
 * sent as the `Signature` header; the body is the form `payload=<JSON>`
 * (https://docs.travis-ci.com/user/notifications/#verifying-webhook-requests).
 */
export function travisDelivery(
  payload: string,
  privateKeyPem: string,
): { headers: Record<string, string>; body: Buffer } {
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      signature: sign('sha1', Buffer.from(payload, 'utf8'), privateKeyPem).toString('base64'),
      'travis-repo-slug': 'svenfuchs/minimal',
      'user-agent': 'Travis CI Notifications',
    },
    body: Buffer.from(new URLSearchParams({ payload }).toString()),
  };
}

/** The API's `/config` answer with `publicKeyPem` as the webhook key. */
export function travisConfigResponse(publicKeyPem: string): Response {
  const document = { config: { notifications: { webhook: { public_key: publicKeyPem } } } };
  return new Response(JSON.stringify(document), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}
