import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Intercom webhook notifications: `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>` under the
 * app's client_secret. Intercom's reference was not read; the scheme is the one several
 * independent verifiers agree on (docs/providers.md#intercom). Every notification is the same
 * envelope (`type: notification_event`, `topic`, `data.item`, `id`); setting up a subscription
 * sends topic `ping`, stored like any other notification.
 */
export const intercomDescriptor: HmacDescriptor = {
  name: 'intercom',
  title: 'Intercom',
  algorithm: 'sha1',
  signature: { headers: ['X-Hub-Signature'], encoding: 'hex', prefix: 'sha1=' },
  messages: {
    mismatch: 'The signature does not match the body under any configured client secret.',
  },
  type: { path: 'topic' }, // conversation.user.created, ping
  id: { path: 'id' }, // notif_…
};

export type IntercomOptions = HmacOptions;
export const intercomReceiver = hmacReceiver(intercomDescriptor);
