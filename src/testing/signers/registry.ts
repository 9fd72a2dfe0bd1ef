import { HMAC_DESCRIPTORS } from './descriptors';
import { DESCRIPTOR_EXTRAS } from './descriptor-extras';
import { descriptorSigner } from './descriptor-signer';
import { CODE_SIGNERS } from './code-signers';
import type { Signer } from './signer';

/**
 * Every provider's test signer by name: one read off each HMAC descriptor, and one written
 * for each provider implemented in code. Aliases resolve through the receivers' registry.
 */
export const SIGNERS: ReadonlyMap<string, Signer> = new Map<string, Signer>([
  ...HMAC_DESCRIPTORS.map((descriptor): [string, Signer] => [
    descriptor.name,
    descriptorSigner(descriptor, DESCRIPTOR_EXTRAS[descriptor.name]),
  ]),
  ...Object.entries(CODE_SIGNERS),
]);
