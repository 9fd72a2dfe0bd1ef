import { createHmac } from 'node:crypto';
import { MalformedBodyError } from '../../../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../../../receiver';
import type { FieldSource } from '../field-source';
import { echo } from '../echo';
import { readField, readPath } from '../read-field';

/**
 * Handshakes the provider signs like any delivery, so they are answered only once the request
 * verified (never stored or dispatched). Each is recognized by a field's value:
 * - `hmac-challenge`: prove the secret: 200 JSON `{"plainToken": P, "encryptedToken":
 *   hex(HMAC-SHA256(secret, P))}` (Zoom's `endpoint.url_validation`,
 *   developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint).
 * - `text-challenge`: echo a body field as text/plain with nosniff (Twitch EventSub's
 *   `webhook_callback_verification`, dev.twitch.tv/docs/eventsub/handling-webhook-events).
 */
export type SignedHandshake = HmacChallenge | TextChallenge;

interface Recognized {
  /** Where the marker is, and the value that makes the request this handshake. */
  readonly when: FieldSource;
  readonly equals: string;
}

export interface HmacChallenge extends Recognized {
  readonly kind: 'hmac-challenge';
  /** The body path of the plain token, e.g. `payload.plainToken`. */
  readonly token: string;
}

export interface TextChallenge extends Recognized {
  readonly kind: 'text-challenge';
  /** The body path of the challenge, e.g. `challenge`. */
  readonly challenge: string;
}

/** The answer, or undefined when the verified request is not this handshake. */
export function answerSignedHandshake(
  handshake: SignedHandshake,
  req: IncomingWebhook,
  payload: unknown,
  secret: string | undefined,
): WebhookResponse | undefined {
  if (readField(req, payload, handshake.when) !== handshake.equals) return undefined;
  const path = handshake.kind === 'hmac-challenge' ? handshake.token : handshake.challenge;
  const value = readPath(payload, path);
  if (!value) throw new MalformedBodyError(`the body has no "${path}" to answer`);
  if (handshake.kind === 'text-challenge') return echo(value);
  if (secret === undefined) throw new Error('an hmac-challenge needs the secret that verified');
  const encryptedToken = createHmac('sha256', secret).update(value).digest('hex');
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ plainToken: value, encryptedToken }),
  };
}
