import { ClaimAhead, WaitingRuns } from './claim-ahead';
import type { ClaimedRun } from '../../store/model';

const claimed = (...ids: string[]) =>
  ids.map((id) => ({ run: { id }, delivery: { id: `d-${id}` } }) as unknown as ClaimedRun);

describe('ClaimAhead', () => {
  it('claims nothing ahead before it has timed a run', () => {
    expect(new ClaimAhead(8, 64, 15_000).allowance()).toBe(0);
  });

  it('claims up to prefetch ahead while handlers are fast', () => {
    const ahead = new ClaimAhead(8, 64, 15_000);
    ahead.record(0.2, 8_000);
    expect(ahead.allowance()).toBe(64);
  });

  it('claims only what would start within ~100 ms at the recent pace', () => {
    const ahead = new ClaimAhead(8, 64, 15_000);
    ahead.record(40, 8_000); // 8 slots × 100 ms ÷ 40 ms per run = 20 runs
    expect(ahead.allowance()).toBe(20);
    const slow = new ClaimAhead(8, 64, 15_000);
    slow.record(1000, 8_000);
    expect(slow.allowance()).toBe(0);
  });

  it('follows a handler that slows down, as a moving average', () => {
    const ahead = new ClaimAhead(4, 64, 15_000);
    ahead.record(1, 8_000);
    for (let i = 0; i < 50; i++) ahead.record(500, 8_000);
    expect(ahead.allowance()).toBe(0);
  });

  it('holds about 16 MiB of payloads ahead at most', () => {
    const ahead = new ClaimAhead(8, 64, 15_000);
    ahead.record(0.2, 1024 * 1024); // 1 MiB bodies: 16 of them
    expect(ahead.allowance()).toBe(16);
    const huge = new ClaimAhead(8, 64, 15_000);
    huge.record(0.2, 25 * 1024 * 1024);
    expect(huge.allowance()).toBe(0);
  });

  it('claims nothing ahead when the lease margin leaves no time to wait', () => {
    const ahead = new ClaimAhead(8, 64, 50);
    ahead.record(0.1, 8_000);
    expect(ahead.allowance()).toBe(0);
  });

  it('claims nothing ahead when prefetch is 0', () => {
    const ahead = new ClaimAhead(8, 0, 15_000);
    ahead.record(0.1, 8_000);
    expect(ahead.allowance()).toBe(0);
  });
});

describe('WaitingRuns', () => {
  it('hands out runs in claim order', () => {
    const waiting = new WaitingRuns(90_000, 60_000);
    waiting.add(claimed('a', 'b'), 0);
    waiting.add(claimed('c'), 5);
    expect(waiting.size).toBe(3);
    expect([waiting.next(10), waiting.next(10), waiting.next(10)].map((w) => w?.run.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(waiting.next(10)).toBeUndefined();
  });

  it('sets aside a run whose lease could no longer cover an attempt and half the margin', () => {
    // lease 1000, timeout 400: a run may wait (1000 - 400) / 2 = 300 ms.
    const waiting = new WaitingRuns(1000, 400);
    waiting.add(claimed('old1', 'old2'), 0);
    waiting.add(claimed('fresh'), 200);
    expect(waiting.next(301)?.run.id).toBe('fresh');
    expect(waiting.takeStale()).toEqual(['old1', 'old2']);
    expect(waiting.takeStale()).toEqual([]);
  });

  it('starts a run that waited exactly the allowed time', () => {
    const waiting = new WaitingRuns(1000, 400);
    waiting.add(claimed('a'), 0);
    expect(waiting.next(300)?.run.id).toBe('a');
  });

  it('gives every run still held at shutdown, stale ones included', () => {
    const waiting = new WaitingRuns(1000, 400);
    waiting.add(claimed('stale', 'x'), 0);
    waiting.add(claimed('y', 'z'), 500);
    expect(waiting.next(600)?.run.id).toBe('y');
    expect(waiting.takeAll()).toEqual(['stale', 'x', 'z']);
    expect(waiting.size).toBe(0);
    expect(waiting.takeAll()).toEqual([]);
  });
});
