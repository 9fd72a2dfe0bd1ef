import type { ClaimedRun, Planning, RunOutcome } from '../../store/model';
import { WorkerSlots } from './capacity';
import { DueWork } from './due-work';
import { OutcomeBuffer, RECORD_ATTEMPTS } from './outcome-buffer';
import { WorkerStore, type WorkerStoreDeps } from './worker-store';

const claimed = (...ids: string[]) =>
  ids.map((id) => ({ run: { id }, delivery: { id: `d-${id}` } }) as unknown as ClaimedRun);

const outcome = (runId: string): RunOutcome => ({
  runId,
  deliveryId: 'd1',
  attempt: 1,
  status: 'succeeded',
  logEntry: {
    startedAt: new Date(0),
    durationMs: 1,
    outcome: 'succeeded',
    error: null,
    stack: null,
  },
});

function worker(leasesWhilePlanning = false) {
  const runs = {
    leasesWhilePlanning,
    planPending: jest.fn<Promise<Planning>, Parameters<WorkerStoreDeps['runs']['planPending']>>(),
    recordAndClaim: jest.fn<
      Promise<ClaimedRun[]>,
      [readonly RunOutcome[], number, string, number]
    >(),
    release: jest.fn<Promise<void>, [string[], string]>().mockResolvedValue(undefined),
  };
  // Lease 1000 ms, timeout 400 ms: a claimed run may wait 300 ms to start.
  const slots = new WorkerSlots({ concurrency: 4, prefetch: 0 }, 1000, 400);
  const due = new DueWork(1000);
  const outcomes = new OutcomeBuffer();
  const logger = { error: jest.fn() };
  const startWaiting = jest.fn();
  const store = new WorkerStore({
    runs,
    handlers: { matching: () => [] },
    slots,
    due,
    outcomes,
    logger,
    owner: 'me',
    leaseMs: () => 1000,
    stopping: () => false,
    startWaiting,
  });
  return { store, runs, slots, due, outcomes, logger, startWaiting };
}

describe('WorkerStore.turn', () => {
  it.each<[string, number, number, number, boolean]>([
    // case, outcomes waiting, capacity, runs claimed, claim due after (full: claim again)
    ['records and claims a full batch', 2, 3, 3, true],
    ['claims fewer than offered', 0, 3, 1, false],
    ['only records (no room): the claim stays due', 2, 0, 0, true],
  ])('%s', async (_case, waiting, capacity, count, claimDue) => {
    const w = worker();
    for (let i = 0; i < waiting; i++) w.outcomes.add(outcome(`o${i}`));
    const runs = claimed(...Array.from({ length: count }, (_, i) => `c${i}`));
    w.runs.recordAndClaim.mockResolvedValue(runs);
    const offer = w.due.claimFor(capacity, false, 0);
    await expect(w.store.turn(offer.capacity)).resolves.toBe(count);
    w.due.turnDone(offer, count, false);
    expect(w.runs.recordAndClaim).toHaveBeenCalledWith(
      Array.from({ length: waiting }, (_, i) => outcome(`o${i}`)),
      capacity,
      'me',
      1000,
    );
    expect([w.slots.waiting.size, w.outcomes.unrecorded, w.due.claimDue]).toEqual([
      count,
      0,
      claimDue,
    ]);
    expect(w.startWaiting).toHaveBeenCalledTimes(1);
  });

  it('sends nothing with nothing to record and no room to claim', async () => {
    const w = worker();
    await expect(w.store.turn(0)).resolves.toBe(0);
    expect(w.runs.recordAndClaim).not.toHaveBeenCalled();
    expect(w.runs.release).not.toHaveBeenCalled();
  });

  it('gives back runs that waited too long to start, and claims them again', async () => {
    const w = worker();
    w.slots.waiting.add(claimed('old'), -1_000_000);
    expect(w.slots.waiting.next(0)).toBeUndefined();
    w.due.claimDue = false;
    await w.store.turn(0);
    expect(w.runs.release).toHaveBeenCalledWith(['old'], 'me');
    expect(w.due.claimDue).toBe(true);
  });

  it.each<[number, boolean]>(
    Array.from({ length: RECORD_ATTEMPTS }, (_, i) => [i + 1, i + 1 === RECORD_ATTEMPTS]),
  )('refused turn %i: dropped with a log %s', async (refusals, dropped) => {
    const w = worker();
    w.outcomes.add(outcome('r1'));
    w.runs.recordAndClaim.mockRejectedValue(new Error('database is locked'));
    for (let i = 0; i < refusals; i++)
      await expect(w.store.turn(2)).rejects.toThrow('database is locked');
    expect(w.runs.recordAndClaim).toHaveBeenCalledTimes(refusals);
    expect(w.outcomes.waiting).toBe(dropped ? 0 : 1);
    expect(w.logger.error.mock.calls).toEqual(
      dropped
        ? [['Could not record run r1: database is locked; it runs again when its lease expires']]
        : [],
    );
  });

  it('records a refused outcome at the next turn, behind those that finished meanwhile', async () => {
    const w = worker();
    w.outcomes.add(outcome('r1'));
    w.runs.recordAndClaim
      .mockImplementationOnce(async () => {
        w.outcomes.add(outcome('r2'));
        throw new Error('down');
      })
      .mockResolvedValueOnce([]);
    await expect(w.store.turn(0)).rejects.toThrow('down');
    expect(w.outcomes.backoffMs).toBe(500);
    await w.store.turn(0);
    expect(w.runs.recordAndClaim).toHaveBeenLastCalledWith(
      [outcome('r2'), outcome('r1')],
      0,
      'me',
      1000,
    );
    expect([w.outcomes.unrecorded, w.outcomes.backoffMs]).toEqual([0, 250]);
  });
});

describe('WorkerStore.plan', () => {
  const result = (p: Partial<Planning>): Planning => ({
    planned: 0,
    full: false,
    waiting: 0,
    leased: [],
    ...p,
  });

  it('skips a planning that would lease with no room, and keeps it due', async () => {
    const w = worker(true);
    w.slots.reserved = 4;
    await expect(w.store.plan()).resolves.toBe(0);
    expect(w.runs.planPending).not.toHaveBeenCalled();
    expect(w.due.planningDue).toBe(true);
  });

  it.each<[string, boolean, number]>([
    // case, store leases while planning, room offered
    ['a store that does not lease while planning: no room offered', false, 0],
    ['a store that leases while planning: the room free now', true, 3],
  ])('%s, held while the planning runs', async (_case, leases, room) => {
    const w = worker(leases);
    w.slots.reserved = 1;
    let heldDuring = -1;
    w.runs.planPending.mockImplementation(async (_limit, _handlers, planningRead) => {
      heldDuring = w.slots.planningRoom;
      planningRead?.();
      expect(w.due.planningDue).toBe(false);
      return result({ planned: 2, leased: claimed('a') });
    });
    await expect(w.store.plan()).resolves.toBe(2);
    expect(w.runs.planPending.mock.calls[0][3]).toEqual({ owner: 'me', leaseMs: 1000, room });
    expect([heldDuring, w.slots.planningRoom, w.slots.waiting.size]).toEqual([room, 0, 1]);
    expect(w.startWaiting).toHaveBeenCalledTimes(1);
  });

  it('gives the room back when the planning fails', async () => {
    const w = worker(true);
    w.runs.planPending.mockRejectedValue(new Error('down'));
    await expect(w.store.plan()).rejects.toThrow('down');
    expect(w.slots.planningRoom).toBe(0);
  });

  it('plans again after a full batch', async () => {
    const w = worker();
    w.runs.planPending.mockImplementation(async (_l, _h, planningRead) => {
      planningRead?.();
      return result({ planned: 200, full: true });
    });
    await w.store.plan();
    expect([w.due.planningDue, w.due.backlog]).toEqual([true, true]);
  });
});

describe('WorkerStore.release', () => {
  it('logs a release the store refuses and carries on', async () => {
    const w = worker();
    w.runs.release.mockRejectedValue(new Error('down'));
    await w.store.release(['a', 'b']);
    expect(w.logger.error).toHaveBeenCalledWith('Could not release 2 run(s): down');
  });
});
