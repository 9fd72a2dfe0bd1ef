import type { StoredWork } from '../../store/store-events';
import type { Planning } from '../../store/model';
import { DueWork, type ClaimOffer, type PlanningLeaseRoom } from './due-work';

type Flags = Pick<DueWork, 'planningDue' | 'claimDue' | 'claimStarved' | 'backlog'>;

const NONE_DUE: Flags = {
  planningDue: false,
  claimDue: false,
  claimStarved: false,
  backlog: false,
};

function dueWith(flags: Partial<Flags> = {}): DueWork {
  return Object.assign(new DueWork(1000), NONE_DUE, flags);
}

const flagsOf = ({ planningDue, claimDue, claimStarved, backlog }: DueWork): Flags => ({
  planningDue,
  claimDue,
  claimStarved,
  backlog,
});

describe('DueWork', () => {
  it('starts with everything due and a backlog assumed', () => {
    expect(flagsOf(new DueWork(1000))).toEqual({
      planningDue: true,
      claimDue: true,
      claimStarved: false,
      backlog: true,
    });
  });

  it.each<[string, number, number, boolean, number]>([
    // case, last poll, now, both due after, ms to the next poll
    ['interval passed', 1000, 2000, true, 1000],
    ['interval not passed', 1000, 1999, false, 1],
    ['long overdue', 1000, 9000, true, 1000],
  ])('poll: %s', (_case, lastPoll, now, due, msToNext) => {
    const work = new DueWork(1000);
    work.poll(lastPoll);
    Object.assign(work, NONE_DUE);
    work.poll(now);
    expect([work.planningDue, work.claimDue]).toEqual([due, due]);
    expect(work.msToNextPoll(now)).toBe(msToNext);
  });

  it('never sleeps a negative time past the poll', () => {
    const work = new DueWork(1000);
    work.poll(1000);
    expect(work.msToNextPoll(2500)).toBe(0);
  });

  it.each<[StoredWork, boolean, boolean, boolean]>([
    // signal, wakes, planning due, claim due
    ['plan', true, true, true],
    ['claim', true, false, true],
    ['none', false, false, false],
  ])('a commit signal of %s work', (work, wakes, planningDue, claimDue) => {
    const due = dueWith();
    expect(due.stored(work)).toBe(wakes);
    expect([due.planningDue, due.claimDue]).toEqual([planningDue, claimDue]);
  });

  it('a failed iteration makes both planning and claim due again', () => {
    const due = dueWith();
    due.failed();
    expect([due.planningDue, due.claimDue]).toEqual([true, true]);
  });

  const offer = (capacity: number, starved = false): ClaimOffer => ({ capacity, starved });

  // prettier-ignore
  it.each<[string, Partial<Flags>, number, boolean, number, ClaimOffer, boolean]>([
    // case, flags, room free, stopping, room held by a planning, offer, claim due after
    ['due with room: takes it all',    { claimDue: true }, 5, false, 0, offer(5),       false],
    ['not due',                        {},                 5, false, 0, offer(0),       false],
    ['stopping',                       { claimDue: true }, 5, true,  0, offer(0),       true],
    ['due, no room',                   { claimDue: true }, 0, false, 0, offer(0),       true],
    ['no room, a planning holds some', { claimDue: true }, 0, false, 3, offer(0, true), true],
    ['room, beside a planning',        { claimDue: true }, 2, false, 3, offer(2),       false],
    ['stopping, beside a planning',    { claimDue: true }, 0, true,  3, offer(0),       true],
  ])('claimFor: %s', (_case, flags, room, stopping, planningRoom, expected, claimDue) => {
    const due = dueWith(flags);
    expect(due.claimFor(room, stopping, planningRoom)).toEqual(expected);
    expect(due.claimDue).toBe(claimDue);
  });

  it.each<[number, boolean]>([
    [0, false],
    [2, true],
  ])('%i stale runs given back: claim due again %s', (stale, claimDue) => {
    const due = dueWith();
    due.released(stale);
    expect(due.claimDue).toBe(claimDue);
  });

  const full = offer(4);
  const none = offer(0);
  const starved = offer(0, true);
  const DUE = { claimDue: true };
  const STARVED = { claimStarved: true };
  const DUE_STARVED = { ...DUE, ...STARVED };
  // prettier-ignore
  it.each<[string, Partial<Flags>, ClaimOffer, number | null, boolean, [boolean, boolean]]>([
    // case, flags (after claimFor and any signal meanwhile), offer, claimed (null: the turn
    // failed), stopping, [claim due, claim starved] after
    ['full claim: claim again',    {},          full,     4,    false, [true, false]],
    ['partial claim',              {},          full,     3,    false, [false, false]],
    ['failed turn: see failed()',  {},          full,     null, false, [false, false]],
    ['none offered, 0 claimed',    {},          none,     0,    false, [false, false]],
    ['a signal during the turn',   DUE,         offer(4), 1,    false, [true, false]],
    ['newly starved',              DUE,         starved,  0,    false, [true, true]],
    ['newly starved, turn failed', DUE,         starved,  null, false, [true, true]],
    ['starved, no room again',     DUE_STARVED, none,     0,    false, [true, true]],
    ['starved, room offered',      DUE_STARVED, offer(2), 1,    false, [true, false]],
    ['starved, full claim',        STARVED,     full,     4,    false, [true, false]],
    ['starved, claim not due',     STARVED,     none,     0,    false, [false, false]],
    ['starved, stopping',          DUE_STARVED, starved,  0,    true,  [true, false]],
  ])('turnDone: %s', (_case, flags, turnOffer, claimed, stopping, after) => {
    const work = dueWith(flags);
    work.turnDone(turnOffer, claimed, stopping);
    expect([work.claimDue, work.claimStarved]).toEqual(after);
  });

  // prettier-ignore
  it.each<[string, boolean, ClaimOffer, number, number, number, boolean]>([
    // case, claim due, offer, claimed, planned, finished outcomes, busy
    ['nothing happened',                false, none,    0, 0, 0, false],
    ['the planning found deliveries',   false, none,    0, 3, 0, true],
    ['outcomes wait to be recorded',    false, none,    0, 0, 1, true],
    ['starved and the claim still due', true,  starved, 0, 0, 0, true],
    ['starved, claim no longer due',    false, starved, 0, 0, 0, false],
    ['full claim',                      false, full,    4, 0, 0, true],
    ['partial claim',                   false, full,    3, 0, 0, false],
    ['claim due, no room, no planning', true,  none,    0, 0, 0, false],
  ])('busy: %s', (_case, claimDue, turnOffer, claimed, planned, finished, busy) => {
    expect(dueWith({ claimDue }).busy(turnOffer, claimed, planned, finished)).toBe(busy);
  });

  const lease = (room: number): PlanningLeaseRoom => ({ skip: false, room });
  const SKIP: PlanningLeaseRoom = { skip: true };
  // prettier-ignore
  it.each<[string, boolean, boolean, Partial<Flags>, number, PlanningLeaseRoom]>([
    // case, store leases while planning, stopping, flags, room free, offer
    ['store not leasing',            false, false, { backlog: true },             5, lease(0)],
    ['backlog, room: offered',       true,  false, { backlog: true },             5, lease(5)],
    ['backlog, no room: skip',       true,  false, { backlog: true },             0, SKIP],
    ['backlog, claim starved: skip', true,  false, { backlog: true, ...STARVED }, 5, SKIP],
    ['no backlog: no room',          true,  false, { backlog: false },            5, lease(0)],
    ['no backlog, full: plans',      true,  false, { backlog: false },            0, lease(0)],
    ['stopping: no room',            true,  true,  { backlog: true },             5, lease(0)],
  ])('leaseFor: %s', (_case, leases, stopping, flags, room, expected) => {
    expect(dueWith(flags).leaseFor(leases, stopping, room)).toEqual(expected);
  });

  it('a planning clears its flag as its read is sent', () => {
    const due = dueWith({ planningDue: true });
    due.planningRead();
    expect(due.planningDue).toBe(false);
  });

  const planning = (p: Partial<Planning>): Planning => ({
    planned: 0,
    full: false,
    waiting: 0,
    leased: [],
    ...p,
  });
  it.each<[string, Partial<Planning>, Partial<Flags>]>([
    ['found nothing: backlog off', {}, { planningDue: false, claimDue: false, backlog: false }],
    ['full: plan again', { planned: 200, full: true }, { planningDue: true, backlog: true }],
    ['planned, all leased', { planned: 3 }, { planningDue: false, claimDue: false, backlog: true }],
    [
      'planned, some not leased: claim them',
      { planned: 3, waiting: 2 },
      { claimDue: true, backlog: true },
    ],
  ])('planned: %s', (_case, result, after) => {
    const due = dueWith({ backlog: true });
    due.planned(planning(result));
    expect(flagsOf(due)).toMatchObject(after);
  });

  it('a claim starved by a planning gets the room at the next iteration', () => {
    const due = dueWith({ claimDue: true, backlog: true });
    // A planning holds all the room: the turn beside it can claim nothing.
    const first = due.claimFor(0, false, 8);
    due.turnDone(first, 0, false);
    expect(due.claimStarved).toBe(true);
    expect(due.busy(first, 0, 0, 0)).toBe(true);
    // Next iteration: the planning is skipped, so the room goes to the turn.
    expect(due.leaseFor(true, false, 8)).toEqual(SKIP);
    const second = due.claimFor(8, false, 0);
    expect(second).toEqual({ capacity: 8, starved: false });
    due.turnDone(second, 2, false);
    expect([due.claimDue, due.claimStarved]).toEqual([false, false]);
    expect(due.leaseFor(true, false, 6)).toEqual({ skip: false, room: 6 });
  });
});
