import type { HmacDescriptor, HmacKey } from '../shared/hmac/descriptor';
import type { SecretRules } from '../shared/secret-rules';

/** What differs between providers that send the Standard Webhooks wire format. */
export interface StandardWebhooksWire {
  readonly name: string;
  readonly title: string;
  /** `svix` for `svix-id`/`svix-timestamp`/`svix-signature`, `webhook` for `webhook-*`. */
  readonly family: 'svix' | 'webhook';
  /** `whsec_<base64>` for Svix's secrets; the UTF-8 bytes of the secret for Polar's. */
  readonly key: HmacKey;
  /** What its secrets look like (WHSEC_RULES with WHSEC_KEY). */
  readonly secretRules?: SecretRules;
  readonly ackDeadlineMs?: number;
}

/** The `whsec_<base64>` key of Standard Webhooks and Svix. */
export const WHSEC_KEY: HmacKey = { encoding: 'base64', stripPrefix: 'whsec_' };

/**
 * Standard Webhooks' secrets are `whsec_` + base64 (https://www.standardwebhooks.com, "Symmetric
 * signatures"); libraries accept the base64 alone, so a missing prefix is only a warning.
 */
export const WHSEC_RULES: SecretRules = {
  prefix: 'whsec_',
  where: "the endpoint's signing secret (whsec_...) from the sender's dashboard",
};

/**
 * A provider that signs as Standard Webhooks does (standard-webhooks.signature.ts): base64
 * HMAC-SHA256 of `{id}.{timestamp}.{body}`, `v1,<sig>` entries separated by spaces, the
 * timestamp in seconds with the 300 s window both ways, the id header as the delivery id and
 * the body's `type` as the type. Only the header family and the key's encoding vary, so a
 * provider is a name, not a receiver of its own.
 */
export function standardWebhooksWire(wire: StandardWebhooksWire): HmacDescriptor {
  const header = (field: string) => `${wire.family}-${field}`;
  return {
    name: wire.name,
    title: wire.title,
    ...(wire.ackDeadlineMs !== undefined && { ackDeadlineMs: wire.ackDeadlineMs }),
    algorithm: 'sha256',
    key: wire.key,
    ...(wire.secretRules && { secretRules: wire.secretRules }),
    signature: {
      headers: [header('signature')],
      encoding: 'base64',
      list: { separator: ' ', keyValue: ',', signatureKey: 'v1' },
    },
    signedContent: '{id}.{timestamp}.{body}',
    timestamp: { header: header('timestamp'), unit: 's' },
    type: { path: 'type' },
    id: { header: header('id') },
  };
}
