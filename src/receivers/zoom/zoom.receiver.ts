import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { missingField, readPath } from '../shared/hmac/fields';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import { bodyDigest } from '../shared/digests';

/**
 * Zoom webhooks (developers.zoom.us/docs/api/webhooks, "Verify webhook events"):
 * `x-zm-signature: v0=<hex HMAC-SHA256(secret token, "v0:{x-zm-request-timestamp}:{body}")>`,
 * the timestamp in seconds. The URL check, `endpoint.url_validation`, is signed the same way
 * (zoom/rivet-javascript verifies it before answering) and answered with the plain token and
 * its HMAC under the secret token (`hmac-challenge`); Zoom re-validates every 72 hours.
 * Zoom waits 3 s for a 200 or 204, then retries 3 times: after 5, 20 and 60 more minutes
 * (devsupport.zoom.us "Webhook delays").
 */
export const zoomDescriptor: HmacDescriptor = {
  name: 'zoom',
  title: 'Zoom',
  ackDeadlineMs: 3_000,
  algorithm: 'sha256',
  signature: { headers: ['x-zm-signature'], encoding: 'hex', prefix: 'v0=' },
  signedContent: 'v0:{timestamp}:{body}',
  timestamp: { header: 'x-zm-request-timestamp', unit: 's' },
  signedHandshake: {
    kind: 'hmac-challenge',
    when: { path: 'event' },
    equals: 'endpoint.url_validation',
    token: 'payload.plainToken',
  },
  normalize: normalizeZoomEvent,
};

/**
 * type: `event` (`meeting.started`). Zoom sends no delivery id (`x-zm-trackingid` is not
 * documented as one), and a retry resends the same body, so the id is its SHA-256.
 * occurredAt: `event_ts`, in milliseconds.
 */
function normalizeZoomEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = readPath(payload, 'event');
  if (!type) throw missingField({ path: 'event' });
  const ms = Number(readPath(payload, 'event_ts'));
  return {
    type,
    providerDeliveryId: bodyDigest(req.rawBody),
    ...(Number.isSafeInteger(ms) && { occurredAt: new Date(ms) }),
  };
}

export type ZoomOptions = HmacOptions;
export const zoomReceiver = hmacReceiver(zoomDescriptor);
