import { createHash } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * HubSpot's v1 and v2 signatures: not HMACs but plain SHA-256 hex digests of the client secret
 * followed by the body (v1), or by method, URL and body (v2), chosen by
 * `X-HubSpot-Signature-Version` (hubspot-api-nodejs `src/utils/signature.ts`; developers.hubspot.com
 * "Validating requests"). Neither signs a timestamp: a copy can be replayed, which the delivery
 * id's de-duplication then absorbs.
 */
export function verifyLegacyHubSpot(
  req: IncomingWebhook,
  secrets: readonly string[],
  signature: string,
): VerifyResult {
  const version = req.headers['x-hubspot-signature-version'] ?? 'v1';
  if (version !== 'v1' && version !== 'v2') {
    return refuse(`X-HubSpot-Signature-Version must be v1 or v2 (was ${JSON.stringify(version)}).`);
  }
  const expected = (secret: string) => {
    const hash = createHash('sha256').update(secret);
    if (version === 'v2') hash.update(req.method).update(req.url);
    return hash.update(req.rawBody).digest('hex');
  };
  return matchedOr(
    matchAnySecret(secrets, [signature.toLowerCase()], expected),
    version === 'v1'
      ? 'X-HubSpot-Signature (v1) does not match the body under any configured client secret.'
      : `X-HubSpot-Signature (v2) does not match the method, ${req.url} and the body under any configured client secret (set publicUrl to the URL registered at HubSpot).`,
  );
}
