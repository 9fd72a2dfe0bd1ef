import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Read an RSA public key from PEM (SPKI `BEGIN PUBLIC KEY` or PKCS#1 `BEGIN RSA PUBLIC KEY`, as
 * Travis's `/config` serves it); undefined when it is not one.
 */
export function rsaPublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'rsa' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** checkSecret: a pinned key must be an RSA public key in PEM. Never quotes the value. */
export function checkPinnedPublicKey(secret: string): string | undefined {
  return rsaPublicKey(secret)
    ? undefined
    : "must be Travis CI's webhook public key in PEM (config.notifications.webhook.public_key of the API's /config), or leave secrets empty to fetch it";
}
