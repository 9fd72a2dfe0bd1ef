import { metaDescriptor } from '../shared/meta/descriptor';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';

/**
 * Instagram (Instagram API webhooks: comments, mentions, story insights, messaging), on Meta's
 * one scheme (shared/meta/descriptor.ts): `object` is `instagram`, so types read
 * `instagram.comments`, `instagram.message`. `entry.time` is in seconds for changes and in
 * milliseconds for messaging; both are read by size (shared/meta/time.ts).
 */
export const instagramDescriptor = metaDescriptor({ name: 'instagram', title: 'Instagram' });

export const instagramReceiver = hmacReceiver(instagramDescriptor);
