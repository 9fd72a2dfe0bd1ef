/**
 * The `q`-quantile of observations counted per histogram bucket, estimated as Prometheus'
 * histogram_quantile does (https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile):
 * linearly within the bucket that holds the rank, from the bound below it (0 for the first);
 * a rank in the last bucket (+Inf) gives the highest finite bound. `counts` are per bucket (not
 * cumulative), one per bound in `bounds` and one more for +Inf. Null without observations.
 */
export function histogramQuantile(
  q: number,
  bounds: readonly number[],
  counts: readonly number[],
): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < bounds.length; i++) {
    if (below + counts[i] >= rank && counts[i] > 0) {
      const lower = i === 0 ? 0 : bounds[i - 1];
      return lower + (bounds[i] - lower) * ((rank - below) / counts[i]);
    }
    below += counts[i];
  }
  return bounds[bounds.length - 1];
}
