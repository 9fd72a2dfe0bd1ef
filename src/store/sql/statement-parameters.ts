import { sqliteDatetime } from '../sqlite/sqlite-datetime';

/** How a statement builder writes values into its text (see StatementParameters, ScriptLiterals). */
export interface StatementValues {
  /** The values to send with the text (none when they are written into it). */
  readonly params: unknown[];
  value(value: unknown): string;
  /** A timestamp as TypeORM stores it. */
  date(value: Date): string;
  list(values: readonly unknown[]): string;
}

/** One raw statement: its text and the values its placeholders stand for. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Collects the parameters of one raw statement while its text is written, and returns each
 * value's placeholder in the engine's style (`?` for SQLite, `$n` for PostgreSQL). Write the
 * text in reading order: SQLite's `?` are positional.
 */
export class StatementParameters implements StatementValues {
  readonly params: unknown[] = [];

  constructor(private readonly postgres: boolean) {}

  value(value: unknown): string {
    this.params.push(value);
    return this.postgres ? `$${this.params.length}` : '?';
  }

  /** A timestamp as TypeORM stores it: timestamptz on PostgreSQL, UTC text on SQLite. */
  date(value: Date): string {
    return this.value(this.postgres ? value : sqliteDatetime(value));
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.value(value)).join(', ');
  }
}
