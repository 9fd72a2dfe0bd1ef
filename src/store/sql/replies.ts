import type { StoredReply } from '../model';
import type { Statement, StatementValues } from './statement-parameters';

/** The table of reply handlers' answers (migration DeliveryReplies1796500000000). */
export const REPLIES_TABLE = 'delivery_replies';

/**
 * Keep a delivery's reply; a delivery has one reply handler and one first attempt, so a second
 * reply cannot come, and one would change nothing.
 */
export function replyInsert(
  q: StatementValues,
  deliveryId: string,
  reply: StoredReply,
  now: Date,
): Statement {
  return {
    sql:
      `INSERT INTO "${REPLIES_TABLE}" ("delivery_id", "status", "headers", "body", "created_at") ` +
      `VALUES (${q.value(deliveryId)}, ${q.value(reply.status)}, ` +
      `${q.value(JSON.stringify(reply.headers))}, ${q.value(reply.body)}, ` +
      `${q.value(now.toISOString())}) ON CONFLICT DO NOTHING`,
    params: q.params,
  };
}
