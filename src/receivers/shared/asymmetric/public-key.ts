import { createPublicKey, type KeyObject } from 'node:crypto';
import type { AsymmetricScheme, PublicKeyFormat } from './descriptor';

const HEX = /^(?:[0-9a-f]{2})+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ED25519_KEY_BYTES = 32;
const PEM_ARMOUR = /-----(BEGIN|END) PUBLIC KEY-----/g;

/**
 * The configured public key as a node:crypto key, or undefined when it is not a valid key of
 * the scheme in the format (such a secret is refused at start-up and never matches).
 */
export function importPublicKey(
  secret: string,
  scheme: AsymmetricScheme,
  format: PublicKeyFormat,
): KeyObject | undefined {
  try {
    return scheme === 'ed25519' ? importEd25519(secret, format) : importP256(secret, format);
  } catch {
    return undefined; // node:crypto throws on bytes that are no key of the kind
  }
}

/** A raw Ed25519 key goes through a JWK: node:crypto imports raw keys no other way. */
function importEd25519(secret: string, format: PublicKeyFormat): KeyObject | undefined {
  if (format.encoding === 'base64-spki') return spki(secret, 'ed25519');
  const raw = decode(secret.trim(), format.encoding);
  if (raw?.length !== ED25519_KEY_BYTES) return undefined;
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') };
  return createPublicKey({ key: jwk, format: 'jwk' });
}

function importP256(secret: string, format: PublicKeyFormat): KeyObject | undefined {
  if (format.encoding !== 'base64-spki') return undefined; // no provider sends a raw P-256 point
  const key = spki(secret, 'ec');
  return key?.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : undefined;
}

function spki(secret: string, type: 'ec' | 'ed25519'): KeyObject | undefined {
  const der = decode(secret.replace(PEM_ARMOUR, '').replace(/\s+/g, ''), 'base64');
  if (!der) return undefined;
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  return key.asymmetricKeyType === type ? key : undefined;
}

/** Strict hex or base64 (padding optional); undefined for anything else. */
export function decode(text: string, encoding: 'hex' | 'base64'): Buffer | undefined {
  if (encoding === 'hex') return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
  return BASE64.test(text) && text.length % 4 !== 1 ? Buffer.from(text, 'base64') : undefined;
}
