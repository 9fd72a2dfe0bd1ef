/**
 * SQLite gives TypeORM one connection, and TypeORM does not queue transactions on it: a second
 * BEGIN while one is open fails, and a lone write would join someone else's transaction. Every
 * write therefore runs through this lock. PostgreSQL has a pool and real isolation, so there
 * the lock does nothing.
 *
 * Two modes. `runExclusive`: a transaction, whether it spans several calls on the connection
 * (BEGIN, statements, COMMIT through TypeORM) or is sent as one script (runScript); nothing
 * else runs meanwhile. `runShared`: calls that are each whole on the connection, an autocommit
 * statement (the inbox insert) or a read; shared holders may overlap, sqlite3 runs each whole.
 * Scripts were shared too until the inbox kept its insert prepared (PreparedStatements): a
 * statement kept prepared runs as soon as it is called, even right after a script that failed
 * and left its transaction open, and would be rolled back with it. What made shared scripts
 * worth it, the inbox's insert not waiting for the event loop to hand the lock on, the kept
 * statement gives back more of (bench/README.md, 2026-11-29, night).
 *
 * Waiters are served in arrival order, so a stream of shared holders (inbox commits) cannot
 * keep an exclusive one (retention, a release) waiting forever.
 *
 * `pauseAfterWriteMs`: for a process that shares its SQLite file with another writing process
 * (a `role: worker` beside a `role: api` edge). Between processes, SQLite's busy handler decides
 * who writes next, and it is not fair: a waiting writer polls after growing sleeps (1, 2, 5,
 * 10 ms…), while a process that begins its next transaction the moment it commits finds the
 * file free every time. Keeping the lock for a moment after each write leaves the file free for
 * the other process's waiting insert. Such a process runs shared work exclusively too.
 */
export class StoreWriteLock {
  private readonly waiters: Array<{ exclusive: boolean; enter: () => void }> = [];
  private sharedHolders = 0;
  private exclusiveHeld = false;

  constructor(
    private readonly serialize: boolean,
    private readonly pauseAfterWriteMs = 0,
  ) {}

  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.run(true, work);
  }

  runShared<T>(work: () => Promise<T>): Promise<T> {
    return this.run(this.pauseAfterWriteMs > 0, work);
  }

  private async run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    if (!this.serialize) return work();
    await this.acquire(exclusive);
    try {
      return await work();
    } finally {
      if (this.pauseAfterWriteMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.pauseAfterWriteMs));
      }
      this.release(exclusive);
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.waiters.length === 0 && this.free(exclusive)) {
      this.enter(exclusive);
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiters.push({
        exclusive,
        enter: () => {
          this.enter(exclusive);
          resolve();
        },
      }),
    );
  }

  private free(exclusive: boolean): boolean {
    return !this.exclusiveHeld && (!exclusive || this.sharedHolders === 0);
  }

  private enter(exclusive: boolean): void {
    if (exclusive) this.exclusiveHeld = true;
    else this.sharedHolders += 1;
  }

  private release(exclusive: boolean): void {
    if (exclusive) this.exclusiveHeld = false;
    else this.sharedHolders -= 1;
    while (this.waiters.length > 0 && this.free(this.waiters[0].exclusive)) {
      this.waiters.shift()!.enter();
    }
  }
}
