import type { RunOutcome } from '../../store/model';
import { OutcomeBuffer, RECORD_ATTEMPTS } from './outcome-buffer';

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

const ids = (buffer: OutcomeBuffer) => buffer.take().map((pending) => pending.outcome.runId);

describe('OutcomeBuffer', () => {
  it('hands every waiting outcome to a turn and counts them unrecorded until it ends', () => {
    const buffer = new OutcomeBuffer();
    buffer.add(outcome('a'));
    buffer.add(outcome('b'));
    expect([buffer.waiting, buffer.unrecorded]).toEqual([2, 2]);
    const batch = buffer.take();
    expect(batch.map((p) => p.outcome.runId)).toEqual(['a', 'b']);
    buffer.add(outcome('c'));
    expect([buffer.waiting, buffer.unrecorded]).toEqual([1, 3]);
    buffer.recorded();
    expect([buffer.waiting, buffer.unrecorded]).toEqual([1, 1]);
  });

  it('keeps a refused outcome behind those that finished during the turn', () => {
    const buffer = new OutcomeBuffer();
    buffer.add(outcome('a'));
    const batch = buffer.take();
    buffer.add(outcome('b'));
    expect(buffer.failed(batch)).toEqual([]);
    expect(buffer.unrecorded).toBe(2);
    expect(ids(buffer)).toEqual(['b', 'a']);
  });

  it.each<[number, number, string[]]>([
    // turns refused in a row, outcomes still waiting, dropped by the last refusal
    [1, 1, []],
    [2, 1, []],
    [RECORD_ATTEMPTS - 1, 1, []],
    [RECORD_ATTEMPTS, 0, ['a']],
  ])('after %i refused turns: %i waiting, dropped %j', (refusals, waiting, dropped) => {
    const buffer = new OutcomeBuffer();
    buffer.add(outcome('a'));
    let last: string[] = [];
    for (let i = 0; i < refusals; i++)
      last = buffer.failed(buffer.take()).map((pending) => pending.outcome.runId);
    expect(last).toEqual(dropped);
    expect([buffer.waiting, buffer.unrecorded]).toEqual([waiting, waiting]);
  });

  it('drops each outcome after its own RECORD_ATTEMPTS refusals', () => {
    const buffer = new OutcomeBuffer();
    buffer.add(outcome('old'));
    for (let i = 0; i < RECORD_ATTEMPTS - 1; i++) buffer.failed(buffer.take());
    buffer.add(outcome('new'));
    const dropped = buffer.failed(buffer.take());
    expect(dropped.map((p) => p.outcome.runId)).toEqual(['old']);
    expect(ids(buffer)).toEqual(['new']);
  });

  it.each<[number, number]>([
    // turns refused in a row, backoff (ms)
    [0, 250],
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [5, 4000],
    [9, 4000],
  ])('after %i refused turns the loop backs off %i ms', (refusals, ms) => {
    const buffer = new OutcomeBuffer();
    for (let i = 0; i < refusals; i++) buffer.failed(buffer.take());
    expect(buffer.backoffMs).toBe(ms);
  });

  it('a committed turn resets the backoff', () => {
    const buffer = new OutcomeBuffer();
    buffer.failed(buffer.take());
    buffer.failed(buffer.take());
    buffer.take();
    buffer.recorded();
    expect(buffer.backoffMs).toBe(250);
  });
});
