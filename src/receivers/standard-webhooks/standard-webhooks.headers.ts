import type { IncomingWebhook } from '../receiver';

/** The three signed-metadata headers of one request, as sent (any may be missing). */
export interface StandardWebhookHeaders {
  readonly id?: string;
  readonly timestamp?: string;
  readonly signature?: string;
}

/**
 * Standard Webhooks names its headers `webhook-*`; Svix sends the same values as `svix-*`.
 * The three are read from one family only, so an id can never be paired with another
 * family's signature: `webhook-*` when any of them is present, else `svix-*`.
 */
export function readStandardWebhookHeaders(
  headers: IncomingWebhook['headers'],
): StandardWebhookHeaders {
  const standard =
    headers['webhook-id'] !== undefined ||
    headers['webhook-timestamp'] !== undefined ||
    headers['webhook-signature'] !== undefined;
  const prefix = standard ? 'webhook' : 'svix';
  return {
    id: headers[`${prefix}-id`],
    timestamp: headers[`${prefix}-timestamp`],
    signature: headers[`${prefix}-signature`],
  };
}
