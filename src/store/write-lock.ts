import { Mutex } from 'async-mutex';

/**
 * SQLite gives TypeORM one connection, and TypeORM does not queue transactions on it: a second
 * BEGIN while one is open fails, and a lone write would join someone else's transaction. Every
 * write transaction therefore runs through this lock. PostgreSQL has a pool and real
 * isolation, so there the lock does nothing.
 */
export class StoreWriteLock {
  private readonly mutex: Mutex | null;

  constructor(serialize: boolean) {
    this.mutex = serialize ? new Mutex() : null;
  }

  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex ? this.mutex.runExclusive(work) : work();
  }
}
