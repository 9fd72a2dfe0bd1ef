import type { Receiver } from '../receiver';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { woocommerceKey } from './woocommerce.secret';

/**
 * WooCommerce webhooks: `X-WC-Webhook-Signature: <base64 HMAC-SHA256 of the body>` under the
 * webhook's secret, with `X-WC-Webhook-Topic` (`order.created`) and a fresh
 * `X-WC-Webhook-Delivery-ID` per delivery (woocommerce `includes/class-wc-webhook.php` deliver,
 * generate_signature; woocommerce-rest-api-docs `_webhooks.md`). When a webhook is created,
 * WooCommerce first POSTs an unsigned form `webhook_id=<id>` and activates the webhook only on
 * a 200 (deliver_ping): the `form-ping` handshake, never stored. WooCommerce does not retry; it
 * disables a webhook after more than 5 consecutive failures and waits 60 s for an answer.
 */
export const woocommerceDescriptor: HmacDescriptor = {
  name: 'woocommerce',
  title: 'WooCommerce',
  // The ping is a form; deliveries are JSON (a signed form body fails to parse: 400).
  contentTypes: ['application/json', 'application/x-www-form-urlencoded'],
  ackDeadlineMs: 60_000,
  algorithm: 'sha256',
  signature: { headers: ['X-WC-Webhook-Signature'], encoding: 'base64' },
  messages: {
    mismatch: 'The signature does not match the body under any configured webhook secret.',
  },
  handshake: { kind: 'form-ping', field: 'webhook_id' },
  type: { header: 'X-WC-Webhook-Topic' },
  id: { header: 'X-WC-Webhook-Delivery-ID' },
};

export type WoocommerceOptions = HmacOptions;
const base = hmacReceiver(woocommerceDescriptor);

/** Each configured secret is keyed as WooCommerce keys it (entities decoded); indexes unchanged. */
export const woocommerceReceiver: Receiver<WoocommerceOptions> = {
  ...base,
  verify: (req, ctx) => base.verify(req, { ...ctx, secrets: ctx.secrets.map(woocommerceKey) }),
};
