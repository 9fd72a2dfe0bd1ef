import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Webflow webhooks made through the API or by an app: `x-webflow-signature`, the hex
 * HMAC-SHA256 of `x-webflow-timestamp + ":" + body` under the webhook's secret (or the app's
 * client secret), the timestamp in milliseconds (webflow/js-webflow-api
 * `src/wrapper/WebhooksClient.ts` verifySignature; developers.webflow.com, "Working with
 * webhooks"). The SDK checks no age; the gateway's 300 s window applies both ways.
 * Webhooks made in the site settings are not signed, and are refused.
 */
export const webflowDescriptor: HmacDescriptor = {
  name: 'webflow',
  title: 'Webflow',
  algorithm: 'sha256',
  signature: { headers: ['x-webflow-signature'], encoding: 'hex' },
  signedContent: '{timestamp}:{body}',
  timestamp: { header: 'x-webflow-timestamp', unit: 'ms' },
  type: { path: 'triggerType' }, // form_submission, collection_item_changed, site_publish
  // No delivery id: `payload.id` names the object (an item changes many times), so the body
  // itself is the key, which a retry resends unchanged.
  id: 'body-hash',
};

export type WebflowOptions = HmacOptions;
export const webflowReceiver = hmacReceiver(webflowDescriptor);
