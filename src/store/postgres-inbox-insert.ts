import type { DataSource } from 'typeorm';
import type { DeliveryRecord } from './entities';
import { inboxInsertSql, inboxParameters } from './inbox-insert-sql';

const placeholder = (index: number) => `$${index}`;

/**
 * The inbox's hot path on PostgreSQL: one autocommit statement on a pooled connection (see
 * inbox-insert-sql.ts) instead of BEGIN / INSERT / COMMIT, three round trips. Resolves with the
 * ids that were inserted.
 */
export async function insertDeliveriesPostgres(
  dataSource: DataSource,
  rows: readonly DeliveryRecord[],
): Promise<Set<string>> {
  const parameters = inboxParameters(
    rows,
    (value) => value,
    (value) => value,
  );
  const inserted: { id: string }[] = await dataSource.query(
    inboxInsertSql(rows.length, placeholder),
    parameters,
  );
  return new Set(inserted.map((row) => row.id));
}
