import { resolveProvider } from './providers';
import { SIGNERS } from './signers/registry';
import { SignWebhookError } from './signers/signer';

/** The providers the kit signs for, by receiver name. */
export function signableProviders(): string[] {
  return [...SIGNERS.keys()].sort();
}

/** What `secret` is for this provider (a shared secret, a private key, a `user:password`). */
export function secretMeaning(provider: string): string {
  const signer = SIGNERS.get(resolveProvider(provider));
  if (!signer) throw new SignWebhookError(`The testing kit cannot sign for ${provider} yet.`);
  return signer.secretMeans;
}
