import type { VerifyResult } from '../receiver';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * An organization id is 15 characters (case-sensitive) or 18 (the same 15 plus a
 * case-insensitive checksum); both forms compare on their first 15, as ASP.NET's receiver does
 * (`GetShortOrgId` in
 * https://github.com/aspnet/AspNetWebHooks/blob/main/src/Microsoft.AspNet.WebHooks.Receivers.Salesforce/WebHooks/SalesforceSoapWebHookReceiver.cs).
 */
export function shortOrgId(orgId: string): string {
  return orgId.length === 18 ? orgId.slice(0, 15) : orgId;
}

/**
 * Outbound messages carry no signature: the only check is that the message's OrganizationId is
 * one of the configured organization ids, compared in constant time. Neither id is repeated in
 * the refusal.
 */
export function verifyOrganizationId(
  organizationId: string | undefined,
  configured: readonly string[],
): VerifyResult {
  if (!organizationId) return refuse('The outbound message has no OrganizationId.');
  const sent = shortOrgId(organizationId);
  return matchedOr(
    matchAnySecret(configured, [sent], shortOrgId),
    "The message's OrganizationId is not one of the organization ids configured for this endpoint.",
  );
}
