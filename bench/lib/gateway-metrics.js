'use strict';
// The gateway's own account of a round, from its Prometheus metrics: its inbox commits (how
// many, how many deliveries shared each, the mean and the slowest one, the latter as the upper
// bound of its histogram bucket) and the longest event-loop delay. Together they tell a
// store-caused stall (a slow fsync, a WAL checkpoint) apart from a blocked event loop (GC, a
// long task) and from the machine (neither: the process was not running).

const DURATION = 'hookgate_inbox_commit_duration_seconds';
const ROWS = 'hookgate_inbox_commit_deliveries';
// prom-client's default metric; it is reset at every scrape, so it covers the time since the last.
const LOOP_DELAY_MAX = 'hookgate_nodejs_eventloop_lag_max_seconds';
const SLOW_MS = 50;

/** The figures at this instant: { buckets: [[le seconds, count]], rows, commits, seconds, loopDelayMaxMs }. */
async function readGatewayMetrics(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  const reading = { buckets: [], rows: NaN, commits: NaN, seconds: NaN, loopDelayMaxMs: NaN };
  for (const line of text.split('\n')) {
    const bucket = line.match(new RegExp(`^${DURATION}_bucket\\{le="([^"]+)"\\} (\\S+)$`));
    if (bucket) {
      reading.buckets.push([
        bucket[1] === '+Inf' ? Infinity : Number(bucket[1]),
        Number(bucket[2]),
      ]);
    }
    const [name, value] = line.split(' ');
    if (name === `${ROWS}_sum`) reading.rows = Number(value);
    if (name === `${DURATION}_count`) reading.commits = Number(value);
    if (name === `${DURATION}_sum`) reading.seconds = Number(value);
    if (name === LOOP_DELAY_MAX) reading.loopDelayMaxMs = Number(value) * 1000;
  }
  if (reading.buckets.length === 0) throw new Error(`${metricsUrl} has no ${DURATION}`);
  return reading;
}

/** What happened between two readings. */
function roundFigures(before, after) {
  const commits = after.commits - before.commits;
  const countAt = (reading, le) => reading.buckets.find(([bound]) => bound === le)[1];
  const grew = after.buckets.map(([le, count]) => [le, count - countAt(before, le)]);
  // The smallest bucket holding every commit of the round bounds the slowest one.
  const slowestUpTo = grew.find(([, count]) => count === commits)?.[0] ?? Infinity;
  const upToSlow = grew.find(([le]) => le === SLOW_MS / 1000);
  const deliveries = after.rows - before.rows;
  return {
    commits,
    deliveries,
    deliveriesPerCommit: commits > 0 ? deliveries / commits : NaN,
    meanCommitMs: commits > 0 ? ((after.seconds - before.seconds) / commits) * 1000 : NaN,
    slowestCommitUpToMs: slowestUpTo * 1000,
    commitsOverSlowMs: upToSlow ? commits - upToSlow[1] : NaN,
    loopDelayMaxMs: after.loopDelayMaxMs,
  };
}

/** Handler runs the process has finished so far (every outcome), from `hookgate_runs_total`. */
async function readRunsFinished(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('hookgate_runs_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

module.exports = { readGatewayMetrics, readRunsFinished, roundFigures, SLOW_MS };
