import { verify, type KeyObject } from 'node:crypto';
import {
  compileTemplate,
  renderContent,
  type ContentPart,
  type SignedInput,
} from '../signed-content';
import type { AsymmetricDescriptor } from './descriptor';
import { decode, importPublicKey } from './public-key';

const ED25519_SIGNATURE_BYTES = 64;
const templates = new WeakMap<object, ContentPart[]>();
/** Imported keys by descriptor and configured text: secrets are few and fixed at start-up. */
const keys = new WeakMap<object, Map<string, KeyObject | undefined>>();

/** The descriptor's signed-content template, compiled once. */
export function templateOf(descriptor: AsymmetricDescriptor): ContentPart[] {
  let parts = templates.get(descriptor);
  if (!parts) {
    parts = compileTemplate(descriptor.signedContent);
    templates.set(descriptor, parts);
  }
  return parts;
}

/** The configured public key, imported once; undefined when it is no valid key. */
export function publicKeyOf(
  descriptor: AsymmetricDescriptor,
  secret: string,
): KeyObject | undefined {
  let cache = keys.get(descriptor);
  if (!cache) keys.set(descriptor, (cache = new Map()));
  if (!cache.has(secret)) {
    cache.set(secret, importPublicKey(secret, descriptor.scheme, descriptor.publicKey));
  }
  return cache.get(secret);
}

/** The signature header's bytes, or undefined when it is not in the descriptor's encoding. */
export function decodeSignature(
  descriptor: AsymmetricDescriptor,
  value: string,
): Buffer | undefined {
  const bytes = decode(value.trim(), descriptor.signature.encoding);
  if (!bytes) return undefined;
  // Ed25519 signatures are exactly 64 bytes; DER ECDSA ones vary and are parsed by verify.
  if (descriptor.scheme === 'ed25519' && bytes.length !== ED25519_SIGNATURE_BYTES) return undefined;
  return bytes;
}

/**
 * Index of the first secret (public key) under which the signature verifies, or -1. Unlike an
 * HMAC there is nothing secret to compare, so no constant-time care is needed: verification
 * only says whether the provider's private key made the signature.
 */
export function matchPublicKey(
  descriptor: AsymmetricDescriptor,
  signature: Buffer,
  input: SignedInput,
  secrets: readonly string[],
): number {
  const data = Buffer.concat(
    renderContent(templateOf(descriptor), input).map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'utf8') : part,
    ),
  );
  return secrets.findIndex((secret) => {
    const key = publicKeyOf(descriptor, secret);
    return key !== undefined && verifies(descriptor, data, key, signature);
  });
}

function verifies(
  descriptor: AsymmetricDescriptor,
  data: Buffer,
  key: KeyObject,
  signature: Buffer,
): boolean {
  try {
    return descriptor.scheme === 'ed25519'
      ? verify(null, data, key, signature)
      : verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false; // a DER signature that does not parse
  }
}
