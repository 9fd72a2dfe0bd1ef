import { GroupCommit } from './group-commit';

/** A commit the test finishes by hand, recording every batch it was given. */
function manualCommits() {
  const batches: number[][] = [];
  const pending: { resolve(): void; reject(error: Error): void }[] = [];
  const commit = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve, reject) =>
      pending.push({ resolve: () => resolve(items.map((n) => n * 10)), reject }),
    );
  };
  return { batches, pending, commit };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('items of one turn share a batch; items arriving during a commit wait for the next one', async () => {
    const { batches, pending, commit } = manualCommits();
    const group = new GroupCommit(commit, 100);
    const first = [1, 2, 3].map((n) => group.submit(n));
    await turn();
    const later = [4, 5].map((n) => group.submit(n));
    await turn();
    expect(batches).toEqual([[1, 2, 3]]);
    pending[0].resolve();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    pending[1].resolve();
    expect(await Promise.all(later)).toEqual([40, 50]);
  });

  it('caps a batch at maxBatch', async () => {
    const { batches, pending, commit } = manualCommits();
    const group = new GroupCommit(commit, 2);
    const all = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    await turn();
    for (let i = 0; i < 3; i++) {
      pending[i].resolve();
      await turn();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('runs up to maxInFlight batches at once, each settling on its own', async () => {
    const { batches, pending, commit } = manualCommits();
    const group = new GroupCommit(commit, 100, 2);
    const a = group.submit(1);
    await turn();
    const b = group.submit(2);
    await turn();
    const c = group.submit(3);
    await turn();
    expect(batches).toEqual([[1], [2]]); // the third waits for a free slot
    pending[1].reject(new Error('disk full'));
    await expect(b).rejects.toThrow('disk full');
    expect(batches).toEqual([[1], [2], [3]]);
    pending[2].resolve();
    expect(await c).toBe(30);
    pending[0].resolve();
    expect(await a).toBe(10);
  });

  it('flush waits for everything submitted, including items queued behind a commit', async () => {
    const { pending, commit } = manualCommits();
    const group = new GroupCommit(commit, 100);
    await group.flush(); // idle: at once
    void group.submit(1);
    await turn();
    void group.submit(2);
    let flushed = false;
    const flush = group.flush().then(() => (flushed = true));
    pending[0].resolve();
    await turn();
    expect(flushed).toBe(false);
    pending[1].resolve();
    await flush;
    expect(flushed).toBe(true);
  });

  it('flush wakes up when a batch started beside a finishing one fails at once (two in flight)', async () => {
    let calls = 0;
    let finishFirst: () => void = () => undefined;
    const group = new GroupCommit<number, number>(
      (items) =>
        ++calls === 1
          ? new Promise((resolve) => (finishFirst = () => resolve(items)))
          : Promise.reject(new Error('store closed')),
      100,
      2,
    );
    void group.submit(1);
    await turn(); // batch [1] in flight
    const second = group.submit(2); // a start is scheduled for the next turn
    const flushed = group.flush().then(() => 'flushed');
    finishFirst(); // [1] commits; [2] starts and fails before that scheduled start runs
    await expect(second).rejects.toThrow('store closed');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200));
    expect(await Promise.race([flushed, timeout])).toBe('flushed');
  });
});
