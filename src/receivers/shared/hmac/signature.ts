import { hmac } from '../hmac';
import { matchAnySecret } from '../timing-safe';
import { signatureCandidates } from './candidates';
import {
  compileTemplate,
  renderContent,
  type ContentPart,
  type SignedInput,
} from '../signed-content';
import type { HmacDescriptor, HmacKey } from './descriptor';

const templates = new WeakMap<object, ContentPart[]>();

/** The descriptor's signed-content template, compiled once. */
export function templateOf(descriptor: HmacDescriptor<any>): ContentPart[] {
  let parts = templates.get(descriptor);
  if (!parts) {
    parts = compileTemplate(descriptor.signedContent ?? '{body}');
    templates.set(descriptor, parts);
  }
  return parts;
}

/**
 * The key bytes of a configured secret, or undefined when it is not valid in the key's
 * encoding (such a secret never matches).
 */
export function decodeKey(secret: string, key: HmacKey | undefined): Buffer | undefined {
  if (!key || key.encoding === 'utf8') return Buffer.from(secret, 'utf8');
  const prefix = key.stripPrefix ?? '';
  const material = secret.startsWith(prefix) ? secret.slice(prefix.length) : secret;
  if (key.encoding === 'hex') {
    return /^(?:[0-9a-f]{2})+$/i.test(material) ? Buffer.from(material, 'hex') : undefined;
  }
  return /^[A-Za-z0-9+/]+={0,2}$/.test(material) && material.length % 4 !== 1
    ? Buffer.from(material, 'base64')
    : undefined;
}

/** The signature the provider would send under `secret` (with its prefix), '' for a bad key. */
export function signHmac(
  descriptor: HmacDescriptor<any>,
  secret: string,
  input: SignedInput,
): string {
  const key = decodeKey(secret, descriptor.key);
  if (!key) return '';
  const digest = hmac(descriptor.algorithm, key, ...renderContent(templateOf(descriptor), input));
  return `${descriptor.signature.prefix ?? ''}${digest.toString(descriptor.signature.encoding)}`;
}

/**
 * Index of the first secret whose signature is among those the header values carry, or -1.
 * Every secret is tried against every candidate, each comparison in constant time.
 */
export function matchHmac(
  descriptor: HmacDescriptor<any>,
  headerValues: readonly string[],
  input: SignedInput,
  secrets: readonly string[],
): number {
  const candidates = signatureCandidates(headerValues, descriptor.signature);
  if (candidates.length === 0) return -1;
  const prefix = descriptor.signature.prefix ?? '';
  // Empty candidates were dropped, so '' (a secret that is no valid key) matches nothing.
  return matchAnySecret(secrets, candidates, (secret) =>
    signHmac(descriptor, secret, input).slice(prefix.length),
  );
}
