import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HookgateConfig } from '../../config/config.schema';
import { HOOKGATE_CONFIG } from '../../config/tokens';
import { HOOKGATE_CONNECTION } from '../connection';

/**
 * Durability settings for SQLite, applied once the connection is open. TypeORM has already
 * switched the file to WAL; `synchronous` decides whether a commit waits for the fsync
 * (docs/adr/0003-sqlite-wal.md).
 */
@Injectable()
export class SqliteTuning implements OnModuleInit {
  private readonly logger = new Logger('Store');

  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const synchronous = this.config.database.sqliteSynchronous;
    await this.dataSource.query(`PRAGMA synchronous = ${synchronous}`);
    const [{ journal_mode: mode }] = await this.dataSource.query('PRAGMA journal_mode');
    this.logger.log(
      `SQLite ${String(this.dataSource.options.database)}: journal_mode=${mode}, synchronous=${synchronous}`,
    );
  }
}
