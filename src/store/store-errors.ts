/**
 * Why the store cannot be used at start-up, in words that say what to do. The gateway turns
 * them into its one-line start-up failures (startup/startup-failure.ts).
 */

/** The database did not answer (or the SQLite file could not be opened). */
export class StoreUnreachableError extends Error {
  override name = 'StoreUnreachableError';
}

/** A migration failed; every migration of the run was rolled back. */
export class StoreMigrationError extends Error {
  override name = 'StoreMigrationError';
}

/** `url` for messages: a PostgreSQL password replaced by `***`. */
export function redactStoreUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, '$1***@');
}
