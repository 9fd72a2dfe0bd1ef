import { HandshakeRefusedError, StoreUnavailableError } from '../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../receivers/receiver';
import type { HandshakeSecrets } from '../store/handshake-secrets';
import type { ResolvedEndpoint } from './endpoint.registry';

/**
 * Providers that hand their signing secret over in a handshake (`handshakeSecretHeader`,
 * Asana): a POST carrying the header is the handshake. The first secret is kept in the store
 * before the answer, so a crash cannot lose it; the answer echoes it, which is how the
 * provider learns the URL accepted (https://developers.asana.com/docs/webhooks-guide). A
 * second handshake with another secret is refused until the operator removes the kept one
 * (`DELETE /admin/endpoints/{provider}/{id}/handshake-secret`): otherwise anyone who can reach the URL
 * could swap in a secret of their own and sign forged events.
 */
export async function handshakeSecretStage(
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  secrets: HandshakeSecrets,
  now: Date,
): Promise<WebhookResponse | undefined> {
  const header = endpoint.receiver.handshakeSecretHeader;
  if (!header || req.method !== 'POST') return undefined;
  const secret = req.headers[header.toLowerCase()];
  if (secret === undefined) return undefined;
  if (!secret) throw new HandshakeRefusedError(`${header} is empty: nothing to keep.`);
  const kept = await fromStore(() => secrets.keep(endpoint.provider, endpoint.id, secret, now));
  if (kept === 'other') {
    throw new HandshakeRefusedError(
      `This endpoint already keeps the secret of an earlier ${header} handshake. To register a ` +
        `new webhook here, remove it first: DELETE /admin/endpoints/${endpoint.provider}/${endpoint.id}/handshake-secret.`,
    );
  }
  return { status: 200, headers: { [header.toLowerCase()]: secret } };
}

/** The secrets to verify with: the configured ones, and the one a handshake handed over. */
export async function secretsWithHandshake(
  endpoint: ResolvedEndpoint,
  secrets: HandshakeSecrets,
): Promise<readonly string[]> {
  if (!endpoint.receiver.handshakeSecretHeader) return endpoint.secrets;
  const kept = await fromStore(() => secrets.find(endpoint.provider, endpoint.id));
  return kept === undefined ? endpoint.secrets : [kept, ...endpoint.secrets];
}

/** A store that cannot answer is the gateway's fault: 503, so the provider retries. */
async function fromStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch {
    throw new StoreUnavailableError('The handshake secret could not be read or kept; retry later.');
  }
}
