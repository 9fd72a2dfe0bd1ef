import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook } from '../receiver';
import { parseJsonBody } from '../shared/body';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Segment's Webhooks destinations (classic and Actions): `X-Signature: <hex HMAC-SHA1 of the
 * body>` under the destination's shared secret (segment-docs `catalog/actions-webhook/index.md`;
 * segmentio/action-destinations `destinations/webhook/index.ts` extendRequest signs
 * `JSON.stringify(payload.data)`, the body it sends). Segment answers within 5 s and retries for
 * up to 4 hours (segment-docs `catalog/webhooks/index.md`).
 */
export const segmentDescriptor: HmacDescriptor = {
  name: 'segment',
  title: 'Segment',
  ackDeadlineMs: 5_000,
  algorithm: 'sha1',
  signature: { headers: ['X-Signature'], encoding: 'hex' },
  messages: {
    mismatch: 'The signature does not match the body under any configured shared secret.',
  },
  type: { path: 'type' }, // track, identify, page, screen, group, alias
  id: { path: 'messageId' },
  occurredAt: { path: 'timestamp' },
  parse: parseSegmentEvent,
};

/**
 * One event per request. A batch (a JSON array, the Actions mapping's batch mode) is not signed
 * over its body: extendRequest signs only when the payload has `data`, which a batch does not,
 * and older code signed the first event only. So a batch normally fails verification (401);
 * one that somehow passes is refused here rather than stored half-authenticated.
 */
function parseSegmentEvent(req: IncomingWebhook): Record<string, unknown> {
  const value = parseJsonBody(req.rawBody);
  if (Array.isArray(value)) {
    throw new MalformedBodyError(
      'a batch of events: Segment does not sign batches, turn batching off in the mapping',
    );
  }
  if (value === null || typeof value !== 'object') {
    throw new MalformedBodyError('expected a JSON object at the top level');
  }
  return value as Record<string, unknown>;
}

export type SegmentOptions = HmacOptions;
export const segmentReceiver = hmacReceiver(segmentDescriptor);
