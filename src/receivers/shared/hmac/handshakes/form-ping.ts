import type { IncomingWebhook, WebhookResponse } from '../../../receiver';

/**
 * An unsigned ping POSTed as a form whose only field is a numeric id: WooCommerce's
 * `webhook_id=<id>` when a webhook is created or activated (woocommerce
 * `includes/class-wc-webhook.php` deliver_ping, which needs exactly 200). It carries nothing to
 * verify or store, so it is answered 200 with no body; anything else goes on to verification.
 */
export interface FormPing {
  readonly kind: 'form-ping';
  /** The one form field, e.g. `webhook_id`. */
  readonly field: string;
}

export function answerFormPing(
  handshake: FormPing,
  req: IncomingWebhook,
): WebhookResponse | undefined {
  if (req.contentType !== 'application/x-www-form-urlencoded') return undefined;
  if (req.rawBody.length > 64) return undefined; // a ping is `webhook_id=<digits>`, no more
  const pattern = new RegExp(`^${escape(handshake.field)}=\\d{1,20}$`);
  return pattern.test(req.rawBody.toString('latin1')) ? { status: 200 } : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
