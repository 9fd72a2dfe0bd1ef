import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../receiver';
import { stringAt } from '../shared/body';

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Slash commands may be probed with an unsigned `ssl_check=1` form. It is answered 200 before
 * verification and nothing else in it is read, so fields smuggled next to it go nowhere.
 * Decoding is lenient here on purpose: an unsigned body must never turn into a 400.
 */
export function answerSslCheck(req: IncomingWebhook): WebhookResponse | undefined {
  if (req.method !== 'POST' || req.contentType !== FORM_TYPE) return undefined;
  const form = new URLSearchParams(req.rawBody.toString('utf8'));
  return form.get('ssl_check') === '1' ? { status: 200 } : undefined;
}

/**
 * Events API URL verification, answered only after the request verified (Slack signs it):
 * `{"challenge": "<same value>"}` as JSON, which is what bolt-js sends.
 */
export function answerUrlVerification(
  req: IncomingWebhook,
  payload: unknown,
): WebhookResponse | undefined {
  if (req.contentType === FORM_TYPE || stringAt(payload, 'type') !== 'url_verification')
    return undefined;
  const challenge = stringAt(payload, 'challenge');
  if (challenge === undefined)
    throw new MalformedBodyError('url_verification without a "challenge" string');
  return { status: 200, headers: { 'content-type': 'application/json' }, body: { challenge } };
}
