import type { ClaimedRun } from '../../store/model';
import { WorkerSlots } from './capacity';
import { OutcomeBuffer } from './outcome-buffer';
import type { RunExecutionDeps } from './run-execution';
import { RunStarter } from './run-starter';

const claimed = (...ids: string[]) =>
  ids.map(
    (id) =>
      ({
        run: { id, deliveryId: 'd1', handler: 'h', attempts: 1 },
        delivery: { id: 'd1', provider: 'github', rawBody: null, headers: {} },
      }) as unknown as ClaimedRun,
  );

function starter(stopping = false) {
  const finish: (() => void)[] = [];
  const execution = {
    handlers: {
      get: () => ({ invoke: () => new Promise<void>((resolve) => finish.push(resolve)) }),
    },
    endpoints: { receiver: () => undefined },
    metrics: { run: () => undefined },
    clock: { now: () => new Date() },
    logger: { warn: () => undefined },
    config: {
      retry: { maxAttempts: 3, initialDelayMs: 1000, maxDelayMs: 60_000 },
      timeoutMs: 1000,
    },
  };
  // Two slots; lease 90 s, timeout 60 s: a claimed run may wait 15 s to start.
  const slots = new WorkerSlots({ concurrency: 2, prefetch: 8 }, 90_000, 60_000);
  const outcomes = new OutcomeBuffer();
  const poke = jest.fn();
  const runs = new RunStarter({
    slots,
    outcomes,
    execution: { ...execution, claimAhead: slots.claimAhead } as unknown as RunExecutionDeps,
    logger: { error: jest.fn() },
    stopping: () => stopping,
    poke,
  });
  return { runs, slots, outcomes, poke, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RunStarter', () => {
  it.each<[string, number, boolean, number, number]>([
    // case, runs waiting, stopping, running after, waiting after
    ['starts what the free slots take', 1, false, 1, 0],
    ['leaves the rest waiting', 3, false, 2, 1],
    ['starts nothing once stopping', 3, true, 0, 3],
  ])('%s', (_case, waiting, stopping, running, left) => {
    const s = starter(stopping);
    s.slots.waiting.add(
      claimed(...Array.from({ length: waiting }, (_, i) => `r${i}`)),
      performance.now(),
    );
    s.runs.startWaiting();
    expect([s.slots.inFlight.size, s.slots.waiting.size]).toEqual([running, left]);
  });

  it('a finished run frees its slot for the next, keeps its outcome and wakes the loop', async () => {
    const s = starter();
    s.slots.waiting.add(claimed('a', 'b', 'c'), performance.now());
    s.runs.startWaiting();
    await settle();
    s.finish[0]();
    await settle();
    expect([...s.slots.inFlight.keys()]).toEqual(['b', 'c']);
    expect(s.outcomes.waiting).toBe(1);
    expect(s.poke).toHaveBeenCalledTimes(1);
  });
});
