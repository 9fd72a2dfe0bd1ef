import { QueryDialect } from '../query-dialect';
import {
  StatementParameters,
  type StatementValues,
  type ValuesFactory,
} from '../sql/statement-parameters';
import { sqliteDatetime } from './sqlite-datetime';

/** GLOB's wildcards, each matched literally inside brackets. */
const GLOB_SPECIAL = /[*?[]/g;

/** The admin API's engine-specific expressions on SQLite (see QueryDialect). */
export class SqliteQueryDialect extends QueryDialect {
  readonly values: ValuesFactory = () =>
    new StatementParameters({ placeholder: () => '?', date: sqliteDatetime });

  /**
   * GLOB, not LIKE: it is case-sensitive, so SQLite answers a prefix pattern from the column's
   * index (https://www.sqlite.org/optoverview.html#the_like_optimization).
   */
  startsWith(column: string, q: StatementValues, prefix: string): string {
    return `${column} GLOB ${q.value(`${prefix.replace(GLOB_SPECIAL, '[$&]')}*`)}`;
  }

  /** Stored timestamps are UTC text, which strftime reads as UTC. */
  epochBucket(column: string, seconds: number): string {
    const step = Math.trunc(seconds);
    return `(CAST(strftime('%s', ${column}) AS INTEGER) / ${step} * ${step})`;
  }

  firstLine(column: string): string {
    return `substr(${column}, 1, instr(${column} || char(10), char(10)) - 1)`;
  }
}
