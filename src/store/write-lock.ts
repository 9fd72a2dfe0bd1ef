import { Mutex } from 'async-mutex';

/**
 * SQLite gives TypeORM one connection, and TypeORM does not queue transactions on it: a second
 * BEGIN while one is open fails, and a lone write would join someone else's transaction. Every
 * write transaction therefore runs through this lock. PostgreSQL has a pool and real
 * isolation, so there the lock does nothing.
 *
 * `pauseAfterWriteMs`: for a process that shares its SQLite file with another writing process
 * (a `role: worker` beside a `role: api` edge). Between processes, SQLite's busy handler decides
 * who writes next, and it is not fair: a waiting writer polls after growing sleeps (1, 2, 5,
 * 10 ms…), while a process that begins its next transaction the moment it commits finds the
 * file free every time. Keeping the lock for a moment after each write leaves the file free for
 * the other process's waiting insert.
 */
export class StoreWriteLock {
  private readonly mutex: Mutex | null;

  constructor(
    serialize: boolean,
    private readonly pauseAfterWriteMs = 0,
  ) {
    this.mutex = serialize ? new Mutex() : null;
  }

  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.mutex) return work();
    if (this.pauseAfterWriteMs <= 0) return this.mutex.runExclusive(work);
    return this.mutex.runExclusive(async () => {
      try {
        return await work();
      } finally {
        await new Promise((resolve) => setTimeout(resolve, this.pauseAfterWriteMs));
      }
    });
  }
}
