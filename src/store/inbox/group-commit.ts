interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: work items that arrive while commits are in flight wait for the next one and
 * share its transaction. Each caller's promise settles only after the batch holding its item
 * committed (or failed), so "resolved" still means "durable", while the cost of a commit (the
 * fsync) is shared by the whole batch instead of paid per item
 * (docs/adr/0001-group-commit-of-the-inbox.md).
 *
 * `maxInFlight` batches may be committing at once. SQLite has one writer, so one there. On
 * PostgreSQL each batch is an autocommit statement on its own pooled connection, and the server
 * flushes concurrent commits together, so two
 * (docs/adr/0018-two-postgresql-inbox-commits-in-flight.md).
 */
export class GroupCommit<Item, Result> {
  private queue: Waiting<Item, Result>[] = [];
  private inFlight = 0;
  private startScheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    /** Commit one batch; returns one result per item, in order. Throws to fail the batch. */
    private readonly commitBatch: (items: Item[]) => Promise<Result[]>,
    private readonly maxBatch: number,
    private readonly maxInFlight = 1,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight < this.maxInFlight && !this.startScheduled) {
        // setImmediate: let every item produced in this turn of the event loop join the batch.
        this.startScheduled = true;
        setImmediate(() => {
          this.startScheduled = false;
          this.startBatches();
          this.wakeIdleWaiters();
        });
      }
    });
  }

  /** Resolves when everything submitted so far has been committed or refused. */
  flush(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && !this.startScheduled;
  }

  private startBatches(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.commit(batch).then(() => {
        this.inFlight--;
        // What arrived meanwhile has waited a whole commit already: no extra turn.
        this.startBatches();
        this.wakeIdleWaiters();
      });
    }
  }

  /** Both places that can leave the group idle check: a batch may settle before the turn ends. */
  private wakeIdleWaiters(): void {
    if (this.isIdle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private async commit(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.commitBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i]));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
