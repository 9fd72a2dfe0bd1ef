import { parseJsonBody } from '../shared/body';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import { normalizeZendeskEvent } from './zendesk.events';

/**
 * Zendesk webhooks (Support, Guide, Gather, Messaging). The signing secret HMAC-SHA256s the
 * timestamp header's text followed by the raw body, base64 in X-Zendesk-Webhook-Signature
 * (https://developer.zendesk.com/documentation/webhooks/verifying/). Zendesk documents no
 * window, so the gateway's symmetric one applies (`toleranceSeconds`, default 300).
 *
 * Only POST with a JSON body is taken: event subscriptions always are, and trigger webhooks
 * can be set to it. Other methods are refused (405) by the pipeline, and XML or form-encoded
 * trigger webhooks (415): a form-encoded one sends its fields in the URL, which is not signed.
 */
export const zendeskDescriptor: HmacDescriptor = {
  name: 'zendesk',
  title: 'Zendesk',
  algorithm: 'sha256',
  signature: { headers: ['X-Zendesk-Webhook-Signature'], encoding: 'base64' },
  signedContent: '{timestamp}{body}',
  timestamp: { header: 'X-Zendesk-Webhook-Signature-Timestamp', unit: 'iso8601' },
  messages: {
    missing:
      'X-Zendesk-Webhook-Signature is missing (Zendesk signs every webhook request; check the URL).',
  },
  // A trigger's body is whatever JSON the admin wrote, not necessarily an object.
  parse: (req) => parseJsonBody(req.rawBody),
  normalize: normalizeZendeskEvent,
};

export type ZendeskOptions = HmacOptions;
export const zendeskReceiver = hmacReceiver(zendeskDescriptor);
