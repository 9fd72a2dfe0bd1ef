'use strict';
// The ingest comparison: every server gets a warm-up, then the servers are loaded one after the
// other, round after round, with the same settings, so slow drifts of the machine hit them all.
const { readGatewayMetrics, readRunsFinished, roundFigures } = require('./gateway-metrics');
const { loadRound, summarize } = require('./load');
const { watchProcess } = require('./proc-stats');
const { settings } = require('./settings');

/**
 * `targets`: [{ name, url, pid, metricsUrl?, dispatcher? }]; `dispatcher` ({ metricsUrl, pid? })
 * is the process whose worker dispatches what the target stores: the target itself, or a
 * separate worker process (its pid, to measure its CPU too). Returns one measurement per server and round, and per server
 * the 2xx count over everything it was sent (warm-up included), for the store check.
 */
async function runIngestRounds(targets, payload) {
  const acknowledged = new Map(targets.map((t) => [t.name, 0]));
  const load = (target, durationS) =>
    loadRound({ url: target.url, payload, connections: settings.connections, durationS });

  if (settings.warmupS > 0) {
    for (const target of targets) {
      const result = summarize(await load(target, settings.warmupS));
      acknowledged.set(target.name, acknowledged.get(target.name) + result.ok);
      const settled = await settle(target, acknowledged.get(target.name));
      console.log(
        `warm-up ${target.name}: ${result.reqPerSec.toFixed(0)} req/s, non-2xx ${result.non2xx}` +
          (settled ? `, ${settled}` : ''),
      );
    }
  }

  const measurements = [];
  for (let round = 1; round <= settings.rounds; round++) {
    for (const target of targets) {
      const metricsBefore = target.metricsUrl ? await readGatewayMetrics(target.metricsUrl) : null;
      const { dispatcher } = target;
      const runsBefore = dispatcher ? await readRunsFinished(dispatcher.metricsUrl) : 0;
      const watch = watchProcess(target.pid);
      const watchWorker = dispatcher?.pid ? watchProcess(dispatcher.pid) : null;
      const result = summarize(await load(target, settings.durationS));
      const measurement = { server: target.name, round, ...result, ...watch.stop() };
      if (dispatcher) {
        measurement.dispatch = {
          runsFinished: (await readRunsFinished(dispatcher.metricsUrl)) - runsBefore,
          workerCpu: watchWorker ? watchWorker.stop().cpu : null,
        };
      }
      if (metricsBefore) {
        measurement.inbox = roundFigures(
          metricsBefore,
          await readGatewayMetrics(target.metricsUrl),
        );
      }
      measurements.push(measurement);
      acknowledged.set(target.name, acknowledged.get(target.name) + result.ok);
      const settled = await settle(target, acknowledged.get(target.name));
      console.log(
        `round ${round} ${target.name}: ${result.reqPerSec.toFixed(0)} req/s, p99 ${result.p99} ms, ` +
          `max ${result.max} ms, RSS ${measurement.peakRssMb.toFixed(0)} MB, CPU ${measurement.cpu.toFixed(2)}, ` +
          `non-2xx ${result.non2xx}` +
          (measurement.inbox
            ? `, slowest commit <= ${measurement.inbox.slowestCommitUpToMs} ms, ` +
              `loop delay max ${measurement.inbox.loopDelayMaxMs.toFixed(0)} ms`
            : '') +
          (measurement.dispatch
            ? `, runs finished ${measurement.dispatch.runsFinished}` +
              (measurement.dispatch.workerCpu === null
                ? ''
                : `, worker process CPU ${measurement.dispatch.workerCpu.toFixed(2)}`)
            : '') +
          (settled ? `, ${settled}` : ''),
      );
    }
  }
  return { measurements, acknowledged };
}

/** Poll the worker's progress this often, and give up after this long without any. */
const SETTLE_POLL_MS = 250;
const SETTLE_STALL_MS = 5_000;

/**
 * With a worker on, let it finish the runs of everything `target` acknowledged before the next
 * server is loaded: a worker still dispatching would take CPU from that server's round (the
 * bench handler makes one run per delivery). Returns how long that took, for the round's line.
 */
async function settle(target, acknowledgedSoFar) {
  const { dispatcher } = target;
  if (!dispatcher) return '';
  const started = Date.now();
  let finished = await readRunsFinished(dispatcher.metricsUrl);
  let progressAt = Date.now();
  while (finished < acknowledgedSoFar && Date.now() - progressAt < SETTLE_STALL_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const now = await readRunsFinished(dispatcher.metricsUrl);
    if (now > finished) progressAt = Date.now();
    finished = now;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return finished >= acknowledgedSoFar
    ? `worker caught up ${seconds} s after the load`
    : `worker stalled ${acknowledgedSoFar - finished} runs short of the 2xx count`;
}

module.exports = { runIngestRounds };
