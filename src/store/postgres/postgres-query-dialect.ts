import { QueryDialect } from '../query-dialect';
import {
  StatementParameters,
  type StatementValues,
  type ValuesFactory,
} from '../sql/statement-parameters';

/** LIKE's wildcards and its escape character, each escaped with a backslash (LIKE's default). */
const LIKE_SPECIAL = /[\\%_]/g;

/** The admin API's engine-specific expressions on PostgreSQL (see QueryDialect). */
export class PostgresQueryDialect extends QueryDialect {
  readonly values: ValuesFactory = () =>
    new StatementParameters({ placeholder: (position) => `$${position}`, date: (d) => d });

  /**
   * LIKE 'prefix%', which the column's `varchar_pattern_ops` index answers whatever the
   * database's collation (https://www.postgresql.org/docs/current/indexes-opclass.html).
   * `indexed` is the planner's call here: its statistics tell a common prefix from a rare one.
   */
  startsWith(column: string, q: StatementValues, prefix: string): string {
    return `${column} LIKE ${q.value(`${prefix.replace(LIKE_SPECIAL, '\\$&')}%`)}`;
  }

  epochBucket(column: string, seconds: number): string {
    const step = Math.trunc(seconds);
    return `(FLOOR(EXTRACT(EPOCH FROM ${column}) / ${step}) * ${step})::bigint`;
  }

  firstLine(column: string): string {
    return `split_part(${column}, E'\\n', 1)`;
  }
}
