import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** `database:` in the config file: where deliveries are stored and how. */
export class DatabaseConfig {
  /** `sqlite:PATH`, `sqlite::memory:`, or `postgres://user:pass@host:port/db`. */
  @IsString()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'url must be sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db',
  })
  url = 'sqlite:data/hookgate.sqlite';

  /**
   * SQLite durability. FULL (default): an acknowledged delivery survives a process crash and
   * a power loss. NORMAL: it survives a process crash; the last commits may roll back on power
   * loss. OFF is not offered: it would make the 2xx a lie (docs/adr/0003-sqlite-wal.md).
   */
  @IsIn(['FULL', 'NORMAL'])
  sqliteSynchronous: 'FULL' | 'NORMAL' = 'FULL';

  /** PostgreSQL connection pool size per process. */
  @IsInt()
  @Min(1)
  @Max(1000)
  poolSize = 10;

  /**
   * PostgreSQL: send the inbox's insert as named prepared statements, parsed once per
   * connection. Turn off behind a transaction-mode pooler that does not track them (PgBouncer
   * before 1.21, or with max_prepared_statements = 0). See
   * docs/adr/0023-postgresql-prepared-inbox-statements.md.
   */
  @IsBoolean()
  preparedStatements = true;
}
