import { INBOX_COLUMNS } from '../sql/columns';
import { type InboxEncoding, quoted, statementsBySize, valueRows } from '../sql/inbox-insert-sql';
import { sqliteDatetime } from './sqlite-datetime';
import { INBOX_VIEW } from './sqlite-inbox-view';

/** Dates as TypeORM's SQLite text, booleans as 0/1. */
export const SQLITE_INBOX_ENCODING: InboxEncoding = {
  date: sqliteDatetime,
  bool: (value) => (value ? 1 : 0),
  dateText: sqliteDatetime,
};

/** The inbox's statement for `rows` rows on SQLite: into the view whose trigger stores them. */
export const sqliteInboxInsertSql = statementsBySize(
  (rows) =>
    `INSERT INTO "${INBOX_VIEW}" (${quoted(INBOX_COLUMNS)}) ` +
    `VALUES ${valueRows(rows, () => '?')} RETURNING "id"`,
);
