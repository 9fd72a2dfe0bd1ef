import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Help Scout webhooks: `X-HelpScout-Signature: <base64 HMAC-SHA1 of the body>` under the
 * webhook's secret key, and the event in `X-HelpScout-Event` (`convo.created`)
 * (helpscout/helpscout-api-php `src/Webhooks/IncomingWebhook.php`; developer.helpscout.com
 * "Webhooks"). SHA-1 is all Help Scout offers. The body is the changed object (a conversation,
 * a customer) with no delivery id, so duplicates are recognized by a hash of the exact body.
 */
export const helpscoutDescriptor: HmacDescriptor = {
  name: 'helpscout',
  title: 'Help Scout',
  algorithm: 'sha1',
  signature: { headers: ['X-HelpScout-Signature'], encoding: 'base64' },
  messages: {
    mismatch: 'The signature does not match the body under any configured secret key.',
  },
  type: { header: 'X-HelpScout-Event' },
  id: 'body-hash',
};

export type HelpscoutOptions = HmacOptions;
export const helpscoutReceiver = hmacReceiver(helpscoutDescriptor);
