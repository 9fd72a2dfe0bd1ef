import { metaDescriptor } from '../shared/meta/descriptor';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';

/**
 * WhatsApp Cloud API, on Meta's one scheme (shared/meta/descriptor.ts), signed with the Meta
 * app's secret. `object` is `whatsapp_business_account`, kept as sent, so types read
 * `whatsapp_business_account.messages` (inbound messages and statuses alike: filter on
 * `value.messages` / `value.statuses`). Entries carry no `time`: the time is the earliest
 * message or status `timestamp` (seconds). The delivery id uses the message and status ids
 * (WhatsApp/WhatsApp-Nodejs-SDK src/types/webhooks.ts: `messages[].id`, `statuses[].id`).
 */
export const whatsappDescriptor = metaDescriptor({ name: 'whatsapp', title: 'WhatsApp' });

export const whatsappReceiver = hmacReceiver(whatsappDescriptor);
