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
const { deliveryCounts } = require('./store');

const POLL_MS = 250;

/** Returns { stored, fillReqPerSec, drainS, runsPerSec, ... } or throws when the drain stalls. */
async function runDispatchBench({ dir, payload, databaseUrl, label }) {
  const n = settings.dispatchDeliveries;
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
  const worker = await startGateway({
    name: `${label}-drain`,
    dir,
    secret: payload.secret,
    databaseUrl,
    dispatch: true,
  });
  const readyAt = Date.now();
  const deadline = startedAt + settings.dispatchTimeoutS * 1000;
  let counts = await deliveryCounts(databaseUrl);
  try {
    while ((counts.succeeded ?? 0) < before.total) {
      if (Date.now() > deadline) {
        throw new Error(
          `dispatch did not drain in ${settings.dispatchTimeoutS} s: ${JSON.stringify(counts)}`,
        );
      }
      if (worker.child.exitCode !== null)
        throw new Error(`the gateway exited:\n${worker.output()}`);
      await sleep(POLL_MS);
      counts = await deliveryCounts(databaseUrl);
    }
  } finally {
    await stopProcess(worker);
  }
  const doneAt = Date.now();
  // From "healthy" (the worker may start a few ms earlier) to the poll that saw the last run;
  // the poll interval adds up to POLL_MS.
  const drainS = (doneAt - readyAt) / 1000;
  return {
    label,
    stored: before.total,
    fillReqPerSec: fill.reqPerSec,
    bootS: (readyAt - startedAt) / 1000,
    drainS,
    runsPerSec: before.total / drainS,
    counts,
  };
}

/** Print the drain next to the ingest rate it must keep up with. */
function printDispatch(result, gatewayReqPerSec) {
  const ingest = gatewayReqPerSec ?? result.fillReqPerSec;
  console.log('\n## Dispatch drain (one GithubPushLogger run per delivery)\n');
  const header = ['store', 'deliveries', 'fill req/s', 'boot s', 'drain s', 'runs/s'];
  const row = [
    result.label,
    result.stored,
    fixed(result.fillReqPerSec),
    fixed(result.bootS, 1),
    fixed(result.drainS, 1),
    fixed(result.runsPerSec),
  ];
  console.log(
    markdownTable(
      [...header, 'runs/s ÷ ingest req/s'],
      [[...row, fixed(result.runsPerSec / ingest, 2)]],
    ),
  );
  const source = gatewayReqPerSec ? 'mean of the gateway rounds above' : 'the fill phase';
  console.log(`(ingest req/s = ${source}: ${fixed(ingest)})`);
}

module.exports = {
  printDispatch,
  runDispatchBench,
  dispatchDatabaseUrl: (dir) => `sqlite:${join(dir, 'dispatch.sqlite')}`,
};
