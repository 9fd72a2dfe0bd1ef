import { parseRetryAfterMs } from './retry-after';

describe('Retry-After', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Fri, 27 Nov 2026 12:00:30 GMT', 30_000],
    ['Fri, 27 Nov 2026 11:00:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
});
