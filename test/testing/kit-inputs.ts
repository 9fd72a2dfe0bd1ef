import { SIGNERS } from '../../src/testing/signers/registry';
import type { SignWebhookInput } from '../../src/testing';
import { isApplicable, type ProviderApp, type ProviderCase } from '../providers/provider-case';

/**
 * What a user would pass `signWebhook` for a contract row's endpoint: its newest secret, its
 * publicUrl and options, and (to send the row's own documented bytes) the type and delivery id
 * headers the row's signer sent.
 */
export function kitInputFor(
  row: ProviderCase,
  app: ProviderApp,
  caseHeaders: Record<string, string>,
): Omit<SignWebhookInput, 'now'> {
  const endpoint = app.endpoint as {
    publicUrl?: string;
    options?: Record<string, unknown>;
    secrets?: string[];
  };
  const signer = SIGNERS.get(row.provider);
  const header = (name?: string) =>
    name === undefined ? undefined : lowerCased(caseHeaders)[name];
  const type = header(signer?.typeHeader);
  const id = header(signer?.idHeader);
  return {
    // Rows whose secrets are no secret (Salesforce's organization id) still configure them.
    secret: isApplicable(row.secrets) ? row.secrets[0] : (endpoint.secrets?.[0] ?? ''),
    ...(endpoint.publicUrl && { url: endpoint.publicUrl }),
    ...(endpoint.options && { options: endpoint.options }),
    ...(type !== undefined && { type }),
    ...(id !== undefined && { id }),
  };
}

export function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Where to POST: the endpoint's route, with the query the signer added (`?code=`). */
export function pathOf(row: ProviderCase, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(query).toString();
  return `/webhooks/${row.provider}/${row.endpoint}${search ? `?${search}` : ''}`;
}
