/**
 * Group commit: work items that arrive while a commit is in flight wait for the next one and
 * share its transaction. Each caller's promise settles only after the batch holding its item
 * committed (or failed), so "resolved" still means "durable", while the cost of a commit (the
 * fsync) is shared by the whole batch instead of paid per item.
 */
export class GroupCommit<Item, Result> {
  private queue: { item: Item; resolve(result: Result): void; reject(error: unknown): void }[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    /** Commit one batch; returns one result per item, in order. Throws to fail the batch. */
    private readonly commitBatch: (items: Item[]) => Promise<Result[]>,
    private readonly maxBatch: number,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // setImmediate: let every item produced in this turn of the event loop join the batch.
      this.draining ??= new Promise<void>((done) =>
        setImmediate(() => void this.drain().then(done)),
      );
    });
  }

  /** Resolves when everything submitted so far has been committed or refused. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.commitBatch(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i]));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.draining = null;
  }
}
