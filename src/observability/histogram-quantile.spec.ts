import { histogramQuantile } from './histogram-quantile';

const BOUNDS = [1, 2, 4];

describe('histogramQuantile', () => {
  // prettier-ignore
  it.each<[string, number, number[], number | null]>([
    // case, q, counts per bucket (+Inf last), expected
    ['no observations',                    0.5,  [0, 0, 0, 0],  null],
    ['all in the first bucket, from 0',     0.5,  [4, 0, 0, 0],  0.5],
    ['linear inside the bucket',            0.5,  [0, 4, 0, 0],  1.5],
    ['the rank in a later bucket',          0.75, [2, 0, 2, 0],  3],
    ['skipping empty buckets',              0.99, [1, 0, 0, 0],  0.99],
    ['the +Inf bucket: the highest bound',  0.99, [1, 0, 0, 9],  4],
  ])('%s', (_case, q, counts, expected) => {
    expect(histogramQuantile(q, BOUNDS, counts)).toBe(expected);
  });
});
