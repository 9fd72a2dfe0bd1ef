import { RECEIVERS } from '../receivers/receivers';
import { SignWebhookError } from './signers/signer';

/** The receiver's name for a provider name or alias (`svix` → `standard-webhooks`). */
export function resolveProvider(provider: string): string {
  const receiver = RECEIVERS.find(
    (r) => r.name === provider || (r.aliases ?? []).includes(provider),
  );
  if (!receiver) throw new SignWebhookError(`Unknown provider "${provider}".`);
  return receiver.name;
}
