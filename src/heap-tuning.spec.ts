import { getHeapStatistics } from 'node:v8';
import { boundHeapGrowth } from './heap-tuning';

describe('boundHeapGrowth', () => {
  it('leaves a --heap-growing-percent from the command line alone', () => {
    expect(boundHeapGrowth(['--heap-growing-percent=300'])).toBe(false);
  });

  it('sets the flag otherwise, without disturbing the running heap', () => {
    expect(boundHeapGrowth([])).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeGreaterThan(0);
  });
});
