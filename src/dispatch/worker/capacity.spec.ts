import type { ClaimedRun } from '../../store/model';
import { WorkerSlots, type ReserveRefusal } from './capacity';

const LIMITS = { concurrency: 8, prefetch: 64 };
/** Lease 90 s, timeout 60 s: a claimed run may wait 15 s, long enough to claim ahead. */
const LEASE_MS = 90_000;
const TIMEOUT_MS = 60_000;

interface Held {
  running?: number;
  waiting?: number;
  reserved?: number;
  planningRoom?: number;
  /** Milliseconds of the one run timed so far: sets the claim-ahead allowance (none: 0). */
  runMs?: number;
}

const claimed = (count: number, from = 0) =>
  Array.from(
    { length: count },
    (_, i) => ({ run: { id: `w${from + i}` }, delivery: { id: 'd' } }) as unknown as ClaimedRun,
  );

function slotsHolding(held: Held, limits = LIMITS, leaseMs = LEASE_MS): WorkerSlots {
  const slots = new WorkerSlots(limits, leaseMs, TIMEOUT_MS);
  for (let i = 0; i < (held.running ?? 0); i++)
    slots.inFlight.set(`r${i}`, {
      execution: Promise.resolve(),
      controller: new AbortController(),
    });
  slots.waiting.add(claimed(held.waiting ?? 0), 0);
  slots.reserved = held.reserved ?? 0;
  slots.planningRoom = held.planningRoom ?? 0;
  if (held.runMs !== undefined) slots.claimAhead.record(held.runMs, 8_000);
  return slots;
}

describe('WorkerSlots', () => {
  // prettier-ignore
  it.each<[string, Held, number, number]>([
    // case, held, held count, room
    ['no run timed yet: the slots only',  {},                                                       0,  8],
    ['fast handlers: slots + prefetch',   { runMs: 0.2 },                                           0,  72],
    ['8 slots x 100 ms / 40 ms: 20 more', { runMs: 40 },                                            0,  28],
    ['each kind of held run counts',      { running: 3, waiting: 2, reserved: 1, planningRoom: 1 }, 7,  1],
    ['full',                              { running: 8 },                                           8,  0],
    ['more held than the room: 0',        { running: 8, reserved: 5 },                              13, 0],
    ['claimed ahead beyond the slots',    { running: 8, waiting: 30, runMs: 0.2 },                  38, 34],
  ])('room: %s', (_case, held, expectedHeld, expectedRoom) => {
    const slots = slotsHolding(held);
    expect(slots.held).toBe(expectedHeld);
    expect(slots.room()).toBe(expectedRoom);
  });

  it.each<[number, boolean]>([
    [0, true],
    [7, true],
    [8, false],
  ])('with %i running, a slot is free: %s', (running, free) => {
    expect(slotsHolding({ running }).slotFree).toBe(free);
  });

  // prettier-ignore
  it.each<[string, Held, number, boolean, number, ReserveRefusal | null, number]>([
    // case, held, runs, stopping, unrecorded outcomes, refusal, reserved after
    ['room for them',                      { running: 2 },                  3,  false, 0,  null,         3],
    ['exactly the room left',              { running: 5, reserved: 1 },     2,  false, 0,  null,         3],
    ['within the claim-ahead allowance',   { running: 8, runMs: 0.2 },      10, false, 0,  null,         10],
    ['stopping (or not started)',          {},                              1,  true,  0,  'stopping',   0],
    ['too many unrecorded outcomes',       {},                              1,  false, 72, 'unrecorded', 0],
    ['one unrecorded short of the limit',  {},                              1,  false, 71, null,         1],
    ['no room: one run too many',          { running: 6, planningRoom: 1 }, 2,  false, 0,  'no room',    0],
    ['no room: full',                      { running: 8 },                  1,  false, 0,  'no room',    0],
    ['no room: overfull, even for 0 runs', { running: 8, reserved: 1 },     0,  false, 0,  'no room',    1],
  ])('reserve: %s', (_case, held, runs, stopping, unrecorded, refusal, reservedAfter) => {
    const slots = slotsHolding(held);
    expect(slots.reserve(runs, stopping, unrecorded)).toBe(refusal);
    expect(slots.reserved).toBe(reservedAfter);
  });

  it('refuses at concurrency + prefetch unrecorded outcomes, even with no claim-ahead', () => {
    // A lease margin too short to wait (lease 60.1 s, timeout 60 s): no claim-ahead allowance.
    const slots = slotsHolding({ runMs: 0.2 }, LIMITS, 60_100);
    expect(slots.room()).toBe(8);
    expect(slots.reserve(1, false, 71)).toBeNull();
    expect(slots.reserve(1, false, 72)).toBe('unrecorded');
  });
});
