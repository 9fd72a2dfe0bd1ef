import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HookgateConfig } from '../../config/config.schema';
import { HOOKGATE_CONFIG } from '../../config/tokens';
import { HOOKGATE_CONNECTION } from '../connection';
import type { InboxRow } from '../inbox/arrival-plan';
import { InboxInsert } from '../inbox/inbox-insert';
import { insertDeliveriesPostgres } from './postgres-inbox-insert';

/**
 * Inbox commits at once on PostgreSQL: one batch commits while the next is being sent
 * (docs/adr/0018-two-postgresql-inbox-commits-in-flight.md).
 */
export const POSTGRES_COMMITS_IN_FLIGHT = 2;

/** The inbox on PostgreSQL: on pooled connections, as prepared statements unless disabled. */
@Injectable()
export class PostgresInboxInsert extends InboxInsert {
  readonly commitsInFlight = POSTGRES_COMMITS_IN_FLIGHT;

  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
  ) {
    super();
  }

  insert(rows: readonly InboxRow[]): Promise<Set<string>> {
    return insertDeliveriesPostgres(this.dataSource, rows, {
      prepared: this.config.database.preparedStatements,
    });
  }

  async close(): Promise<void> {}
}
