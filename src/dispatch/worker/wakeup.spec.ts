import { Wakeup } from './wakeup';

describe('Wakeup', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each<[string, boolean, boolean]>([
    // case, poked before sleeping, stopping
    ['poked while awake', true, false],
    ['stopping', false, true],
  ])('returns at once when %s', async (_case, poked, stopping) => {
    const wakeup = new Wakeup();
    if (poked) wakeup.poke();
    await expect(wakeup.sleep(60_000, stopping)).resolves.toBe(false);
  });

  it('a poke is answered by one sleep only', async () => {
    const wakeup = new Wakeup();
    wakeup.poke();
    await wakeup.sleep(1000, false);
    const second = wakeup.sleep(1000, false);
    jest.advanceTimersByTime(1000);
    await expect(second).resolves.toBe(true);
  });

  it('sleeps until the time runs out', async () => {
    const wakeup = new Wakeup();
    let result: boolean | undefined;
    void wakeup.sleep(1000, false).then((timedOut) => (result = timedOut));
    jest.advanceTimersByTime(999);
    await Promise.resolve();
    expect(result).toBeUndefined();
    jest.advanceTimersByTime(1);
    await Promise.resolve();
    expect(result).toBe(true);
  });

  it('wakes early when poked, and the poke is used up', async () => {
    const wakeup = new Wakeup();
    const sleeping = wakeup.sleep(60_000, false);
    wakeup.poke();
    await expect(sleeping).resolves.toBe(false);
    const next = wakeup.sleep(10, false);
    jest.advanceTimersByTime(10);
    await expect(next).resolves.toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
