import type { Provider } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.schema';

/** The two supported stores, and the column types each one gets for the same entity fields. */
export type Engine = 'sqlite' | 'postgres';

export interface EngineTypes {
  readonly binary: 'blob' | 'bytea';
  readonly timestamp: 'datetime' | 'timestamptz';
  readonly json: 'text' | 'jsonb';
}

export function engineTypes(engine: Engine): EngineTypes {
  return engine === 'postgres'
    ? { binary: 'bytea', timestamp: 'timestamptz', json: 'jsonb' }
    : { binary: 'blob', timestamp: 'datetime', json: 'text' };
}

export function engineOfUrl(url: string): Engine {
  return url.startsWith('postgres') ? 'postgres' : 'sqlite';
}

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
