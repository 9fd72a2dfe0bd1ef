import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Key pairs for the public-key providers' rows (Discord, Telnyx, SendGrid): the endpoint holds
 * public keys as its `secrets`, while the contract signs "with a secret". Each public key made
 * here remembers its private key, so `sign({ secret: publicKey })` signs with the matching one.
 */
export interface PublicKeyPairs {
  /** A new pair; returns the public key as the provider shows it. */
  make(): string;
  /** The private key behind a public key made here. */
  privateKeyOf(publicKey: string): KeyObject;
}

export function publicKeyPairs(
  kind: 'ed25519' | 'p256',
  show: (publicKey: KeyObject) => string,
): PublicKeyPairs {
  const privateKeys = new Map<string, KeyObject>();
  return {
    make() {
      const pair =
        kind === 'ed25519'
          ? generateKeyPairSync('ed25519')
          : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const shown = show(pair.publicKey);
      privateKeys.set(shown, pair.privateKey);
      return shown;
    },
    privateKeyOf(publicKey) {
      const key = privateKeys.get(publicKey);
      if (!key) throw new Error('no key pair was made for this public key');
      return key;
    },
  };
}

/** The raw 32 bytes of an Ed25519 public key (the end of its SPKI DER). */
export const rawEd25519 = (publicKey: KeyObject): Buffer =>
  publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
