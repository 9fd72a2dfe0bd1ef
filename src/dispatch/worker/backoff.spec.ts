import { backoffCeilingMs, hasAttemptsLeft, retryDelayMs } from './backoff';

const policy = { maxAttempts: 8, initialDelayMs: 1000, maxDelayMs: 3_600_000 };

describe('backoff', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffCeilingMs(a, policy))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
    expect(backoffCeilingMs(13, policy)).toBe(3_600_000);
    expect(backoffCeilingMs(1000, policy)).toBe(3_600_000);
  });

  it('draws a full-jitter delay between 0 and the ceiling', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, policy, () => 0.999999)).toBe(3999);
  });

  it('stays within bounds over many random draws', () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      for (let i = 0; i < 200; i++) {
        const delay = retryDelayMs(attempt, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(backoffCeilingMs(attempt, policy));
      }
    }
  });

  it('is dead after maxAttempts', () => {
    expect(hasAttemptsLeft(7, policy)).toBe(true);
    expect(hasAttemptsLeft(8, policy)).toBe(false);
    expect(hasAttemptsLeft(1, { ...policy, maxAttempts: 1 })).toBe(false);
  });
});
