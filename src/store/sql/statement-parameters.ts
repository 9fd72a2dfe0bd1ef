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

/** A fresh StatementValues for each statement (bound parameters, or literals for a script). */
export type ValuesFactory = () => StatementValues;

/** How an engine binds a value: its placeholder for the n-th (1-based), and its stored date. */
export interface BindingStyle {
  placeholder(position: number): string;
  /** A timestamp as TypeORM stores it on this engine. */
  date(value: Date): unknown;
}

/**
 * Collects the parameters of one raw statement while its text is written, and returns each
 * value's placeholder in the engine's style (each adapter gives its BindingStyle). Write the
 * text in reading order: SQLite's `?` are positional.
 */
export class StatementParameters implements StatementValues {
  readonly params: unknown[] = [];

  constructor(private readonly style: BindingStyle) {}

  value(value: unknown): string {
    this.params.push(value);
    return this.style.placeholder(this.params.length);
  }

  date(value: Date): string {
    return this.value(this.style.date(value));
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.value(value)).join(', ');
  }
}
