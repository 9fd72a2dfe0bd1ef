import type { Provider } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.schema';
import { type Engine, engineOfUrl } from './engine';
import { POSTGRES_ENGINE } from './postgres/postgres-engine';
import { SQLITE_ENGINE } from './sqlite/sqlite-engine';

/**
 * One engine's adapter: how to connect, and the Nest providers that implement the store's
 * ports on it (RunQueue, InboxInsert, StoreWriteLock, and services of its own).
 */
export interface StoreEngine {
  readonly name: Engine;
  /** TypeORM's connection options for this engine, beside those all engines share. */
  connectionOptions(database: DatabaseConfig): Partial<DataSourceOptions>;
  readonly providers: Provider[];
}

/** The one place that reads which engine is configured. */
export function storeEngine(url: string): StoreEngine {
  return engineOfUrl(url) === 'postgres' ? POSTGRES_ENGINE : SQLITE_ENGINE;
}
