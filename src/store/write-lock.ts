/**
 * SQLite gives TypeORM one connection, and TypeORM does not queue transactions on it: a second
 * BEGIN while one is open fails, and a lone write would join someone else's transaction. Every
 * write therefore runs through this lock. PostgreSQL has a pool and real isolation, so there
 * the lock does nothing.
 *
 * `runExclusive`: a transaction, of several calls (BEGIN … COMMIT through TypeORM) or one script
 * (runScript); nothing else runs meanwhile. `runShared`: calls that are each whole on the
 * connection (the inbox's autocommit insert, a read); they may overlap, sqlite3 runs each whole.
 * Scripts are exclusive because a statement kept prepared runs as soon as it is called, even
 * inside a script that failed and has not rolled back yet (see PreparedStatements;
 * docs/adr/0019-sqlite-write-lock-shared.md).
 *
 * Waiters are served in arrival order, so a stream of shared holders (inbox commits) cannot
 * keep an exclusive one (retention, a release) waiting forever.
 *
 * `pauseAfterWriteMs`: for a `role: worker` process sharing its SQLite file with a `role: api`
 * edge. SQLite's busy handler is not fair between processes: a writer that begins again the
 * moment it commits finds the file free every time, while the other polls after growing sleeps.
 * Holding the lock a moment after each write leaves the file to the edge's waiting insert. Such
 * a process runs shared work exclusively too (docs/adr/0014-sqlite-worker-pause.md).
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
