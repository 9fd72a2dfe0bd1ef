/**
 * A Braintree secret is `<public key>:<private key>`, the API key pair of the gateway that
 * sends the webhooks: `bt_signature` names the public key, the private key signs
 * (braintree_node `lib/braintree/webhook_notification_gateway.js`). Several pairs rotate.
 */
export interface BraintreeKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

/** Braintree's public keys are letters and digits; a colon therefore ends one. */
const PUBLIC_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export function parseBraintreeSecret(secret: string): BraintreeKeyPair | undefined {
  const colon = secret.indexOf(':');
  const publicKey = secret.slice(0, colon);
  const privateKey = secret.slice(colon + 1);
  return colon > 0 && PUBLIC_KEY.test(publicKey) && privateKey !== ''
    ? { publicKey, privateKey }
    : undefined;
}

export function checkBraintreeSecret(secret: string): string | undefined {
  return parseBraintreeSecret(secret)
    ? undefined
    : 'must be "<public key>:<private key>", the API key pair from the Braintree Control Panel (API > Keys).';
}
