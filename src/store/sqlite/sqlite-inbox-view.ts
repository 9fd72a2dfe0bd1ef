import { ARRIVAL_RUN_COLUMNS, DELIVERY_COLUMNS } from '../sql/columns';
import { quoted } from '../sql/inbox-insert-sql';

/**
 * The live definition of SQLite's inbox: a view over `deliveries` and `delivery_bodies` with a
 * `runs` column, and a trigger that turns one insert into it into the delivery, its body and the
 * runs planned on arrival (`[[run id, handler, lease owner, lease expiry], …]`: leased, attempt
 * 1, `processing`, when an owner is given; otherwise pending). A row whose delivery conflicts
 * with one stored is skipped: RAISE(IGNORE) also keeps it out of RETURNING.
 *
 * Migrations install frozen copies of this text (a migration must not change with the code);
 * a test checks that the last of them installed exactly what is here. A change here needs a
 * migration that drops the view and trigger and creates them from its own copy of the new text.
 */
export const INBOX_VIEW = 'delivery_inbox';
export const INBOX_TRIGGER = 'delivery_inbox_insert';

/** The delivery columns the view and the trigger name, id and body aside. */
const ROW_COLUMNS = DELIVERY_COLUMNS.filter((c) => c !== 'id' && c !== 'raw_body').map(
  (column) => `"${column}"`,
);

export const INBOX_VIEW_SQL =
  `CREATE VIEW "${INBOX_VIEW}" AS SELECT d."id", ${ROW_COLUMNS.map((c) => `d.${c}`).join(', ')}, ` +
  `b."raw_body", NULL AS "runs" ` +
  `FROM "deliveries" d LEFT JOIN "delivery_bodies" b ON b."delivery_id" = d."id"`;

const at = 'NEW."received_at"';
export const INBOX_TRIGGER_SQL =
  `CREATE TRIGGER "${INBOX_TRIGGER}" INSTEAD OF INSERT ON "${INBOX_VIEW}" BEGIN ` +
  `INSERT INTO "deliveries" ("id", ${ROW_COLUMNS.join(', ')}) ` +
  `VALUES (NEW."id", ${ROW_COLUMNS.map((c) => `NEW.${c}`).join(', ')}) ON CONFLICT DO NOTHING; ` +
  `SELECT RAISE(IGNORE) WHERE changes() = 0; ` +
  `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") ` +
  `SELECT NEW."id", NEW."raw_body" WHERE NEW."raw_body" IS NOT NULL; ` +
  `INSERT INTO "runs" (${quoted(ARRIVAL_RUN_COLUMNS)}) ` +
  `SELECT p."value" ->> 0, NEW."id", p."value" ->> 1, ` +
  `CASE WHEN p."value" ->> 2 IS NULL THEN 'pending' ELSE 'processing' END, ` +
  `CASE WHEN p."value" ->> 2 IS NULL THEN 0 ELSE 1 END, ` +
  `${at}, p."value" ->> 2, p."value" ->> 3, ${at}, ${at} FROM json_each(NEW."runs") p; ` +
  `END`;
