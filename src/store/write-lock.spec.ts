import { StoreWriteLock } from './write-lock';

describe('StoreWriteLock', () => {
  afterEach(() => jest.useRealTimers());

  it('runs writes one at a time, the next as soon as the previous one ends', async () => {
    const lock = new StoreWriteLock(true);
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = lock.runExclusive(async () => {
      order.push('first started');
      await new Promise<void>((resolve) => (finishFirst = resolve));
      order.push('first done');
      return 1;
    });
    const second = lock.runExclusive(async () => {
      order.push('second started');
      return 2;
    });
    await Promise.resolve();
    expect(order).toEqual(['first started']);
    finishFirst();
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(order).toEqual(['first started', 'first done', 'second started']);
  });

  it('keeps the lock for the pause after each write, also after a failed one', async () => {
    jest.useFakeTimers();
    const lock = new StoreWriteLock(true, 3);
    const order: string[] = [];
    const first = lock.runExclusive(async () => {
      order.push('first');
      throw new Error('disk full');
    });
    const second = lock.runExclusive(async () => {
      order.push('second');
      return 'ok';
    });
    const firstFailed = expect(first).rejects.toThrow('disk full');
    await jest.advanceTimersByTimeAsync(2);
    expect(order).toEqual(['first']);
    await jest.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['first', 'second']);
    await firstFailed;
    await jest.advanceTimersByTimeAsync(3);
    await expect(second).resolves.toBe('ok');
  });

  it('does not serialize anything on PostgreSQL', async () => {
    const lock = new StoreWriteLock(false, 3);
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setImmediate(resolve));
      inside--;
    };
    await Promise.all([lock.runExclusive(work), lock.runExclusive(work)]);
    expect(most).toBe(2);
  });

  /** A holder that stays inside until released, recording when it entered. */
  function holder(lock: StoreWriteLock, mode: 'shared' | 'exclusive', name: string, log: string[]) {
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const run = mode === 'shared' ? lock.runShared.bind(lock) : lock.runExclusive.bind(lock);
    const done = run(async () => {
      log.push(name);
      await left;
    });
    return { leave, done };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('lets shared holders overlap, and keeps them out while an exclusive one holds it', async () => {
    const lock = new StoreWriteLock(true);
    const entered: string[] = [];
    const a = holder(lock, 'shared', 'a', entered);
    const b = holder(lock, 'shared', 'b', entered);
    await settle();
    expect(entered).toEqual(['a', 'b']);
    const x = holder(lock, 'exclusive', 'x', entered);
    await settle();
    a.leave();
    await settle();
    expect(entered).toEqual(['a', 'b']); // b still holds it shared
    b.leave();
    await settle();
    expect(entered).toEqual(['a', 'b', 'x']);
    const c = holder(lock, 'shared', 'c', entered);
    await settle();
    expect(entered).toEqual(['a', 'b', 'x']);
    x.leave();
    await settle();
    expect(entered).toEqual(['a', 'b', 'x', 'c']);
    c.leave();
    await Promise.all([a.done, b.done, x.done, c.done]);
  });

  it('lets every shared waiter in at once when an exclusive holder leaves', async () => {
    const lock = new StoreWriteLock(true);
    const entered: string[] = [];
    const x = holder(lock, 'exclusive', 'x', entered);
    const a = holder(lock, 'shared', 'a', entered);
    const b = holder(lock, 'shared', 'b', entered);
    await settle();
    expect(entered).toEqual(['x']);
    x.leave();
    await settle();
    expect(entered).toEqual(['x', 'a', 'b']);
    a.leave();
    b.leave();
    await Promise.all([x.done, a.done, b.done]);
  });

  it('serves waiters in arrival order: a stream of shared holders cannot starve an exclusive one', async () => {
    const lock = new StoreWriteLock(true);
    const entered: string[] = [];
    const first = holder(lock, 'shared', 'first', entered);
    await settle();
    const x = holder(lock, 'exclusive', 'x', entered);
    const later = holder(lock, 'shared', 'later', entered); // arrived after x: waits for it
    await settle();
    expect(entered).toEqual(['first']);
    first.leave();
    await settle();
    expect(entered).toEqual(['first', 'x']);
    x.leave();
    await settle();
    expect(entered).toEqual(['first', 'x', 'later']);
    later.leave();
    await Promise.all([first.done, x.done, later.done]);
  });

  it('lets the next holder in after a failed one', async () => {
    const lock = new StoreWriteLock(true);
    await expect(
      lock.runShared(async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await expect(lock.runExclusive(async () => 'ok')).resolves.toBe('ok');
  });

  it('runs shared work exclusively where it pauses after writes (a process sharing the file)', async () => {
    jest.useFakeTimers();
    const lock = new StoreWriteLock(true, 3);
    const entered: string[] = [];
    const a = holder(lock, 'shared', 'a', entered);
    const b = holder(lock, 'shared', 'b', entered);
    await jest.advanceTimersByTimeAsync(0);
    expect(entered).toEqual(['a']);
    a.leave();
    await jest.advanceTimersByTimeAsync(2);
    expect(entered).toEqual(['a']);
    await jest.advanceTimersByTimeAsync(1);
    expect(entered).toEqual(['a', 'b']);
    b.leave();
    await jest.advanceTimersByTimeAsync(3);
    await Promise.all([a.done, b.done]);
  });
});
