/** Every column of a delivery, in the order the inbox writes them. */
export const DELIVERY_COLUMNS = [
  'id',
  'provider',
  'endpoint',
  'type',
  'provider_delivery_id',
  'occurred_at',
  'received_at',
  'content_type',
  'headers',
  'raw_body',
  'status',
  'attempts',
  'planned',
] as const;

/**
 * What the inbox writes per row: a delivery's columns, then its runs as JSON, or null (see
 * arrivalRunsJson). On SQLite these are the columns of the view `delivery_inbox`: a change
 * here needs a migration that creates the view and its trigger again (a test compares the two).
 */
export const INBOX_COLUMNS = [...DELIVERY_COLUMNS, 'runs'] as const;

/** Every column of a run, as a raw statement returns them. */
export const RUN_COLUMN_NAMES = [
  'id',
  'delivery_id',
  'handler',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_expires_at',
  'last_error',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

/** The columns of a run planned on arrival (the others keep their defaults: NULL). */
export const ARRIVAL_RUN_COLUMNS = RUN_COLUMN_NAMES.filter(
  (column) => column !== 'last_error' && column !== 'finished_at',
);
