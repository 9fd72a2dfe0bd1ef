'use strict';
// Every knob of the benchmark, read once from the environment (see bench/README.md).

function number(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

function flag(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw !== '0' && raw.toLowerCase() !== 'false';
}

const settings = {
  /** Seconds of load per round. */
  durationS: number('BENCH_DURATION_S', 10),
  /** Rounds per server; servers are loaded alternately within a round. */
  rounds: Math.max(1, Math.floor(number('BENCH_ROUNDS', 2))),
  /** Seconds of unmeasured load per server before the first round (JIT, caches, pools). */
  warmupS: number('BENCH_WARMUP_S', 3),
  connections: Math.max(1, Math.floor(number('BENCH_CONNECTIONS', 50))),
  /** Load tool for the timed rounds: `auto` (wrk when installed), `wrk` or `autocannon`. */
  tool: process.env.BENCH_TOOL || 'auto',
  /** 7.6 KiB: the largest GitHub push example (one commit), padded. */
  bodyBytes: Math.floor(number('BENCH_BODY_BYTES', 7782)),
  /** Skip `npm run build` (the dist/ folder must be current). */
  build: flag('BENCH_BUILD', true),
  /** Run the verify-only NestJS app as a third server. */
  nest: flag('BENCH_NEST', true),
  /** Run the dispatch benchmark after the ingest rounds. */
  dispatch: flag('BENCH_DISPATCH', true),
  /** Deliveries stored, then drained, by the dispatch benchmark. */
  dispatchDeliveries: Math.floor(number('BENCH_DISPATCH_N', 10_000)),
  /** dispatch.concurrency of the draining gateway (the gateway's default is 8). */
  dispatchConcurrency: Math.max(1, Math.floor(number('BENCH_DISPATCH_CONCURRENCY', 8))),
  /** dispatch.prefetch of the draining gateway (unset: the gateway's default). */
  dispatchPrefetch:
    process.env.BENCH_DISPATCH_PREFETCH === undefined || process.env.BENCH_DISPATCH_PREFETCH === ''
      ? undefined
      : Math.floor(number('BENCH_DISPATCH_PREFETCH', 0)),
  /** Worker processes draining the PostgreSQL store (SQLite is always one process). */
  dispatchPostgresWorkers: Math.max(1, Math.floor(number('BENCH_DISPATCH_PG_WORKERS', 2))),
  /** Give up on the drain after this many seconds. */
  dispatchTimeoutS: number('BENCH_DISPATCH_TIMEOUT_S', 600),
  /** Ingest rounds with the dispatch worker on (default off: an edge-only process). */
  ingestDispatch:
    process.env.BENCH_INGEST_DISPATCH === 'process'
      ? 'process'
      : flag('BENCH_INGEST_DISPATCH', false),
  /** `FULL` (the gateway's default) or `NORMAL`. */
  sqliteSynchronous: process.env.BENCH_SQLITE_SYNCHRONOUS || 'FULL',
  /** PostgreSQL server to create the bench database on; probed on 127.0.0.1:5432 when unset. */
  postgresUrl: process.env.BENCH_DATABASE_URL || '',
  postgres: flag('BENCH_POSTGRES', true),
  /** Extra node flags for the gateway process only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`). */
  gatewayNodeFlags: (process.env.BENCH_GATEWAY_NODE_FLAGS || '').split(' ').filter(Boolean),
  /** Use this main.js instead of dist/main.js (an experimental build outside the repo). */
  gatewayMain: process.env.BENCH_GATEWAY_MAIN || '',
};

module.exports = { settings };
