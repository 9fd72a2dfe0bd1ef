import { replyResponse } from '../dispatch/reply/reply-format';
import type { ReplyRuns } from '../dispatch/reply/reply-runs';
import type { NormalizedEvent, WebhookResponse } from '../receivers/receiver';
import type { StoredDelivery } from '../store/inbox/inbox.writer';
import { acknowledgeStage } from './acknowledge.stage';
import type { ResolvedEndpoint } from './endpoint.registry';

/**
 * The answer to a committed delivery that a reply handler answers: the handler's reply, made by
 * its reply run within the endpoint's deadline from `arrivedAt` (a performance.now() time) or,
 * for a duplicate, the first copy's; the receiver's acknowledgement when there is none (failed,
 * late, nothing returned).
 */
export async function replyStage(
  replies: ReplyRuns,
  endpoint: ResolvedEndpoint,
  stored: StoredDelivery,
  event: NormalizedEvent,
  arrivedAt: number,
): Promise<WebhookResponse> {
  const deadline = arrivedAt + endpoint.replyDeadlineMs!;
  const reply = stored.reply
    ? await replies.run(endpoint, stored.reply, deadline)
    : stored.duplicate
      ? await replies.again(stored.id, deadline)
      : undefined;
  return reply ? replyResponse(reply, stored) : acknowledgeStage(endpoint, stored, event);
}
