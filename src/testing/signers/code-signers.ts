import type { Signer } from './signer';

/** The signers of the providers implemented in code, by provider name. */
export const CODE_SIGNERS: Readonly<Record<string, Signer>> = {};
