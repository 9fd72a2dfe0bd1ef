import * as sqlite3 from 'sqlite3';

/**
 * The sqlite3 module as TypeORM's `driver`, minus "verbose" mode. TypeORM calls
 * `sqlite3.verbose()`, which wraps every Database and Statement method so that each call captures
 * a stack trace and `util.inspect`s its arguments: for the inbox that is ~25 request bodies per
 * batch, about 6% of the gateway's CPU under load. Errors keep SQLite's message and code; only
 * the JavaScript call site is missing from their stack.
 */
export const sqlite3WithoutTraces: typeof sqlite3 = Object.create(sqlite3, {
  verbose: { value: () => sqlite3WithoutTraces },
});
