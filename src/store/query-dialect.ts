import type { StatementValues, ValuesFactory } from './sql/statement-parameters';

/**
 * The few expressions the admin API's reads write differently on each engine, as named
 * primitives; every read around them is one text for both. Each engine's adapter provides one
 * (sqlite/sqlite-query-dialect.ts, postgres/postgres-query-dialect.ts).
 */
export abstract class QueryDialect {
  /** Bound parameters in the engine's placeholder style. */
  abstract readonly values: ValuesFactory;

  /**
   * A condition: the text `column` starts with `prefix` (as typed). `indexed`: whether to
   * find the matches through the column's index, or to test each row a walk of another reaches.
   */
  abstract startsWith(column: string, q: StatementValues, prefix: string, indexed: boolean): string;

  /** The timestamp `column` as Unix seconds, rounded down to a multiple of `seconds`. */
  abstract epochBucket(column: string, seconds: number): string;

  /** The text `column` up to its first line break (an error's name and message). */
  abstract firstLine(column: string): string;
}
