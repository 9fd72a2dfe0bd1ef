import type { InboxRow } from './arrival-plan';

/**
 * The inbox's one statement per batch, as the configured engine runs it (see
 * sql/inbox-insert-sql.ts). The store module binds it to SqliteInboxInsert or
 * PostgresInboxInsert.
 */
export abstract class InboxInsert {
  /** How many batches may be committing at once (see GroupCommit). */
  abstract readonly commitsInFlight: number;

  /** Insert what is new of `rows` in one autocommit statement; resolves with the ids stored. */
  abstract insert(rows: readonly InboxRow[]): Promise<Set<string>>;

  /** Release what the statement keeps open on its connection (at shutdown). */
  abstract close(): Promise<void>;
}
