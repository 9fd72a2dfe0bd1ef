import { metaDescriptor } from '../shared/meta/descriptor';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';

/**
 * Messenger (and other Page webhooks such as `feed`), on Meta's one scheme
 * (shared/meta/descriptor.ts): `object` is `page`, so types read `page.message`,
 * `page.postback`, `page.read`, or `page.feed` for Page changes. Also reachable as `messenger`.
 * Meta times a webhook call out after 20 seconds and retries until it gets a 200
 * (https://developers.facebook.com/docs/messenger-platform/faq).
 */
export const facebookMessengerDescriptor = metaDescriptor({
  name: 'facebook-messenger',
  title: 'Messenger',
  aliases: ['messenger'],
  ackDeadlineMs: 20_000,
});

export const facebookMessengerReceiver = hmacReceiver(facebookMessengerDescriptor);
