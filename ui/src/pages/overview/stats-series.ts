import type { AlignedData } from 'uplot';
import type { StatsBucket } from '../../api/types';

/** Each outcome's colour, the same as its badge (styles/parts.css). */
const COLOURS: Record<string, string> = {
  accepted: '#6b4fbb',
  succeeded: '#1a7f37',
  processing: '#1f6feb',
  pending: '#6e7781',
  failed: '#bc4c00',
  timed_out: '#9a6700',
  dead: '#cf222e',
};
const ORDER = Object.keys(COLOURS);
/** `accepted` counts every delivery received; the statuses split the same deliveries. */
const LABELS: Record<string, string> = { accepted: 'received (all)', timed_out: 'timed out' };
const SPARE = ['#0a7ea4', '#8250df', '#57606a'];

export interface Series {
  series: { label: string; colour: string }[];
  data: AlignedData;
  /** Each outcome's name (as the API has it) and its count over the window. */
  totals: [string, number][];
  /** False when no value at all was recorded (a gateway that has not sampled yet). */
  hasValues: boolean;
}

/** How an outcome's name reads in legends and summaries. */
export function labelOf(name: string): string {
  return LABELS[name] ?? name;
}

/** One line per outcome found in the buckets, in a fixed order; missing counts are 0. */
export function countSeries(
  buckets: StatsBucket[],
  counts: (bucket: StatsBucket) => Record<string, number>,
): Series {
  const found = new Set(buckets.flatMap((b) => Object.keys(counts(b))));
  const names = [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const columns = names.map((name) => buckets.map((b) => counts(b)[name] ?? 0));
  return {
    series: names.map((name, i) => ({
      label: labelOf(name),
      colour: COLOURS[name] ?? SPARE[i % SPARE.length],
    })),
    data: [times(buckets), ...columns],
    totals: names.map((name, i) => [name, columns[i].reduce((sum, n) => sum + n, 0)]),
    hasValues: names.length > 0,
  };
}

/** Ack latency percentiles; null where the gateway had not sampled yet. */
export function latencySeries(buckets: StatsBucket[]): Series {
  return {
    series: [
      { label: 'p50', colour: '#1f6feb' },
      { label: 'p99', colour: '#bc4c00' },
    ],
    data: [
      times(buckets),
      buckets.map((b) => b.ackLatencyP50Ms),
      buckets.map((b) => b.ackLatencyP99Ms),
    ],
    totals: [],
    hasValues: buckets.some((b) => b.ackLatencyP50Ms !== null || b.ackLatencyP99Ms !== null),
  };
}

function times(buckets: StatsBucket[]): number[] {
  return buckets.map((b) => new Date(b.at).getTime() / 1000);
}

function rank(name: string): number {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
}
