import { type StoreEngine, engineOfUrl } from './engine';
import { POSTGRES_ENGINE } from './postgres/postgres-engine';
import { SQLITE_ENGINE } from './sqlite/sqlite-engine';

export type { StoreEngine };

/** The one place that reads which engine is configured. */
export function storeEngine(url: string): StoreEngine {
  return engineOfUrl(url) === 'postgres' ? POSTGRES_ENGINE : SQLITE_ENGINE;
}
