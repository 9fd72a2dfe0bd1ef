import { SignatureError } from '../../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../../receiver';
import { readPath } from '../hmac/fields';
import { verifyCode } from './code-secret';

/**
 * A provider's `GET` URL check (Mailchimp's webhook validator), answered 200 with no body only
 * once the code matched, as ASP.NET's receiver does (MailChimpWebHookReceiver.cs: GET calls
 * EnsureValidCode too): a URL with a wrong code must not look like a working one. A wrong or
 * missing code is refused 401, like a POST.
 */
export function answerGetValidator(
  req: IncomingWebhook,
  secrets: readonly string[],
): WebhookResponse | undefined {
  if (req.method !== 'GET') return undefined;
  const result = verifyCode(req, secrets);
  if (!result.ok) throw new SignatureError(result.message, result.reason);
  return { status: 200 };
}

/**
 * A test delivery (MyGet's `PingWebHookEventPayloadV1`): after the code matched, answered 200
 * and neither stored nor dispatched, as ASP.NET's receiver does (MyGetWebHookReceiver.cs
 * returns before calling any handler). Compared case-insensitively, as there.
 */
export function answerPing(
  ping: { readonly path: string; readonly value: string },
  payload: unknown,
): WebhookResponse | undefined {
  const value = readPath(payload, ping.path);
  return value?.toLowerCase() === ping.value.toLowerCase() ? { status: 200 } : undefined;
}
