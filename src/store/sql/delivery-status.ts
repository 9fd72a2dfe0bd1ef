/**
 * A delivery's status is derived from its runs, most urgent first: any run in flight →
 * `processing`; any waiting to retry → `failed`; any not started → `pending`; any dead →
 * `dead`; otherwise (all succeeded, or no handler matched) → `succeeded`.
 */
const MOST_URGENT_FIRST = ['processing', 'failed', 'pending', 'dead'] as const;

/**
 * The rule above as SQL (the same text for SQLite and PostgreSQL): the status and attempts of
 * the row of "deliveries" being updated, computed from its runs inside the UPDATE, so keeping a
 * delivery in step with its runs costs one statement and no rows sent to Node
 * (docs/adr/0011-delivery-status-computed-in-sql.md). Each run's status maps to its urgency;
 * the highest urgency among the runs picks the delivery's status.
 */
export const DELIVERY_STATE_FROM_RUNS_SQL = (() => {
  const urgency = (index: number) => MOST_URGENT_FIRST.length - index;
  const runUrgency = MOST_URGENT_FIRST.map(
    (status, index) => `WHEN '${status}' THEN ${urgency(index)}`,
  ).join(' ');
  const statusOfUrgency = MOST_URGENT_FIRST.map(
    (status, index) => `WHEN ${urgency(index)} THEN '${status}'`,
  ).join(' ');
  const ownRuns = `FROM "runs" "own" WHERE "own"."delivery_id" = "deliveries"."id"`;
  return (
    `"status" = CASE (SELECT MAX(CASE "own"."status" ${runUrgency} ELSE 0 END) ${ownRuns}) ` +
    `${statusOfUrgency} ELSE 'succeeded' END, ` +
    `"attempts" = (SELECT COALESCE(MAX("own"."attempts"), 0) ${ownRuns})`
  );
})();
