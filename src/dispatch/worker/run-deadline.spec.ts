import { runWithDeadline } from './run-deadline';

describe('runWithDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves with the work and never aborts its signal when it finishes in time', async () => {
    let seen: AbortSignal | undefined;
    const result = runWithDeadline(
      async (signal) => {
        seen = signal;
        return 'done';
      },
      1000,
      'late',
    );
    await expect(result).resolves.toBe('done');
    jest.advanceTimersByTime(5000);
    expect(seen?.aborted).toBe(false);
  });

  it('rejects at the deadline and aborts the signal with the same error', async () => {
    let seen: AbortSignal | undefined;
    const result = runWithDeadline(
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined); // ignores the signal: never settles
      },
      1000,
      'handler timed out after 1000 ms',
    );
    const settled = expect(result).rejects.toThrow('handler timed out after 1000 ms');
    await Promise.resolve();
    expect(seen?.aborted).toBe(false);
    jest.advanceTimersByTime(999);
    expect(seen?.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    await settled;
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as Error).message).toBe('handler timed out after 1000 ms');
  });

  it('turns a synchronous throw of the work into a rejection', async () => {
    await expect(
      runWithDeadline(
        () => {
          throw new Error('boom');
        },
        1000,
        'late',
      ),
    ).rejects.toThrow('boom');
  });

  it('lets the caller cancel early through its own controller', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    void runWithDeadline(
      async (signal) => {
        seen = signal;
      },
      1000,
      'late',
      controller,
    );
    await Promise.resolve();
    controller.abort(new Error('shutting down'));
    expect(seen?.aborted).toBe(true);
  });

  it('does not start work when no time is left, and aborts its signal', async () => {
    const work = jest.fn(async () => 'never');
    const controller = new AbortController();
    await expect(runWithDeadline(work, 0, 'no time left', controller)).rejects.toThrow(
      'no time left',
    );
    expect(work).not.toHaveBeenCalled();
    expect(controller.signal.aborted).toBe(true);
  });
});
