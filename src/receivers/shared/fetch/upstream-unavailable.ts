import { WebhookError } from '../../../errors/webhook-errors';

/**
 * The provider could not be asked (network error, timeout, 5xx, 429) for what verification needs
 * (a certificate, a public key, a postback answer), or the gateway's own settings for it are
 * wrong. That says nothing about the delivery, so it is answered 503 with Retry-After rather than
 * 401: providers retry a 5xx, it stays out of the forged-signature count, and the message (which
 * names the provider) tells the operator whose problem it is.
 */
export class UpstreamUnavailableError extends WebhookError {
  constructor(detail: string) {
    super(503, 'upstream-unavailable', detail, { 'Retry-After': '60' });
  }
}
