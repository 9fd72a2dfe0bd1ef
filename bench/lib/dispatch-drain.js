'use strict';
// The dispatch benchmark: fill a fresh store with N deliveries through an edge-only gateway, then
// start a gateway with the worker on and time until every delivery is `succeeded`. Each `push`
// delivery gets one run of the built-in example handler GithubPushLogger (one log line, no I/O
// awaited), which stands in for a no-op handler.
const { join } = require('node:path');
const { fixed, markdownTable } = require('./report');
const { startGateway } = require('./gateway');
const { loadRound, summarize } = require('./load');
const { stopProcess, sleep } = require('./processes');
const { settings } = require('./settings');
const { deliveryCounts, lastRunFinishedAt } = require('./store');

/**
 * The drain's end is read off the store's own stamp (lastRunFinishedAt), so the poll only has to
 * notice it. Each poll counts the deliveries by status, a scan of the table that took PostgreSQL
 * 28-58 ms near the end of a 10,000-delivery drain, time taken from the workers being measured:
 * once a second instead of four times costs them less and blurs nothing.
 */
const POLL_MS = 1000;

/** Returns { stored, fillReqPerSec, drainS, runsPerSec, ... } or throws when the drain stalls. */
async function runDispatchBench({ dir, payload, databaseUrl, label, workerCount = 1 }) {
  const n = settings.dispatchDeliveries;
  let readyAt;
  const edge = await startGateway({
    name: `${label}-fill`,
    dir,
    secret: payload.secret,
    databaseUrl,
    dispatch: false,
  });
  let fill;
  try {
    fill = summarize(
      await loadRound({ url: edge.url, payload, connections: settings.connections, amount: n }),
    );
  } finally {
    await stopProcess(edge);
  }
  const before = await deliveryCounts(databaseUrl);
  console.log(
    `dispatch ${label}: stored ${before.total} deliveries at ${fill.reqPerSec.toFixed(0)} req/s ` +
      `(2xx ${fill.ok}, non-2xx ${fill.non2xx}); draining...`,
  );

  const startedAt = Date.now();
  const workers = [];
  let counts;
  let doneAt;
  try {
    for (let i = 1; i <= workerCount; i++) {
      workers.push(
        await startGateway({
          name: `${label}-drain-${i}`,
          dir,
          secret: payload.secret,
          databaseUrl,
          dispatch: true,
        }),
      );
    }
    // Time from the first worker's "healthy" (later workers join while it drains).
    readyAt = workers[0].readyAt;
    const deadline = startedAt + settings.dispatchTimeoutS * 1000;
    counts = await deliveryCounts(databaseUrl);
    while ((counts.succeeded ?? 0) < before.total) {
      if (Date.now() > deadline) {
        throw new Error(
          `dispatch did not drain in ${settings.dispatchTimeoutS} s: ${JSON.stringify(counts)}`,
        );
      }
      const exited = workers.find((worker) => worker.child.exitCode !== null);
      if (exited) throw new Error(`a draining gateway exited:\n${exited.output()}`);
      await sleep(POLL_MS);
      counts = await deliveryCounts(databaseUrl);
    }
    // Before the workers stop (their graceful shutdown is not part of the drain): the poll that
    // saw the last run, and the store's own stamp of it, which the poll interval does not blur.
    const sawDoneAt = Date.now();
    doneAt = Math.min((await lastRunFinishedAt(databaseUrl)) ?? sawDoneAt, sawDoneAt);
  } finally {
    for (const worker of workers) await stopProcess(worker);
  }
  // From "healthy" (the worker may start a few ms earlier) to the last run's recorded finish.
  const drainS = (doneAt - readyAt) / 1000;
  return {
    label,
    workers: workerCount,
    stored: before.total,
    fillReqPerSec: fill.reqPerSec,
    bootS: (readyAt - startedAt) / 1000,
    drainS,
    runsPerSec: before.total / drainS,
    counts,
  };
}

/**
 * Print each drain next to the ingest rate it must keep up with: `ingestByLabel` maps a store's
 * label to the mean req/s of its gateway rounds (absent: the fill phase's rate is used).
 */
function printDispatch(results, ingestByLabel = {}) {
  console.log(
    `\n## Dispatch drain (one GithubPushLogger run per delivery, dispatch.concurrency ` +
      `${settings.dispatchConcurrency}, dispatch.prefetch ${settings.dispatchPrefetch ?? 'default'} per process)\n`,
  );
  const header = ['store', 'processes', 'deliveries', 'fill req/s', 'boot s', 'drain s', 'runs/s'];
  const rows = results.map((result) => {
    const ingest = ingestByLabel[result.label] ?? result.fillReqPerSec;
    return [
      result.label,
      result.workers,
      result.stored,
      fixed(result.fillReqPerSec),
      fixed(result.bootS, 1),
      fixed(result.drainS, 1),
      fixed(result.runsPerSec),
      `${fixed(result.runsPerSec / ingest, 2)} (of ${fixed(ingest)})`,
    ];
  });
  console.log(markdownTable([...header, 'runs/s ÷ ingest req/s'], rows));
  const source = Object.keys(ingestByLabel).length
    ? 'mean of the gateway rounds above for that store'
    : 'the fill phase';
  console.log(`(ingest req/s = ${source})`);
}

module.exports = {
  printDispatch,
  runDispatchBench,
  dispatchDatabaseUrl: (dir) => `sqlite:${join(dir, 'dispatch.sqlite')}`,
};
