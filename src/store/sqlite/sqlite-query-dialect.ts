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
   * index (https://www.sqlite.org/optoverview.html#the_like_optimization). Not `indexed`: a
   * unary plus keeps SQLite off the index, which it would otherwise always prefer, having no
   * statistics to tell a prefix that thousands of ids share.
   */
  startsWith(column: string, q: StatementValues, prefix: string, indexed: boolean): string {
    const pattern = q.value(`${prefix.replace(GLOB_SPECIAL, '[$&]')}*`);
    return `${indexed ? '' : '+'}${column} GLOB ${pattern}`;
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
