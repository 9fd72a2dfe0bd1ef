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
});
