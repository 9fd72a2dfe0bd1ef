import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../connection';
import type { InboxRow } from '../inbox/arrival-plan';
import { InboxInsert } from '../inbox/inbox-insert';
import { sqliteDatabase } from './sqlite-driver';
import { insertDeliveriesSqlite } from './sqlite-inbox-insert';
import { PreparedStatements } from './sqlite-prepared-statements';

/**
 * The inbox on SQLite: one batch at a time (the file has one writer), on the raw sqlite3
 * connection with the statement kept prepared (its hot path bypasses TypeORM).
 */
@Injectable()
export class SqliteInboxInsert extends InboxInsert {
  readonly commitsInFlight = 1;
  /** Created with the first batch. */
  private prepared: PreparedStatements | undefined;

  constructor(@InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource) {
    super();
  }

  insert(rows: readonly InboxRow[]): Promise<Set<string>> {
    return insertDeliveriesSqlite(this.statements(), rows);
  }

  /** SQLite does not close a connection with any statement open. */
  async close(): Promise<void> {
    await this.prepared?.close();
  }

  private statements(): PreparedStatements {
    // Every time: it checks that no TypeORM transaction is open on the connection.
    const database = sqliteDatabase(this.dataSource);
    // A new connection (the store was closed and opened again) gets statements of its own.
    if (this.prepared?.db !== database) this.prepared = new PreparedStatements(database);
    return this.prepared;
  }
}
