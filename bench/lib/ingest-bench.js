'use strict';
// The ingest section of `npm run bench`: start the servers, load them alternately, print the
// per-round table and the ratios, and check the stores against the 2xx answers.
const { join } = require('node:path');
const { startBareNode, startVerifyOnlyNest } = require('./baselines');
const { startGateway } = require('./gateway');
const { runIngestRounds } = require('./ingest');
const { createBenchDatabase } = require('./postgres');
const { stopProcess } = require('./processes');
const { SLOW_MS } = require('./gateway-metrics');
const {
  commitsSummary,
  dispatchSummary,
  markdownTable,
  ratiosTable,
  roundsTable,
  summarizeServers,
} = require('./report');
const { settings } = require('./settings');
const { deliveryCounts } = require('./store');

const GATEWAY = 'gateway (SQLite)';
const GATEWAY_PG = 'gateway (PostgreSQL)';
const BARE = 'bare node:http';
const NEST = 'verify-only Nest';

/**
 * `run`: { dir, payload, postgres, children, notes, pgDatabase } shared with run.js, which
 * cleans up. Returns { ingestByLabel: { SQLite, PostgreSQL? } (mean req/s), storeOk }.
 */
async function runIngestBench(run) {
  const { dir, payload, postgres } = run;
  const targets = [];
  const start = async (promise) => {
    const proc = await promise;
    run.children.push(proc);
    targets.push(proc);
    return proc;
  };
  const gateway = async (name, databaseUrl) => {
    const edge = await start(
      startGateway({
        name,
        dir,
        secret: payload.secret,
        databaseUrl,
        dispatch: settings.ingestDispatch === true,
      }),
    );
    if (settings.ingestDispatch === true) edge.dispatcher = { metricsUrl: edge.metricsUrl };
    if (settings.ingestDispatch === 'process') {
      // This edge-only gateway and a `role: worker` process on the same store.
      const worker = await startGateway({
        name: `${name} worker`,
        dir,
        secret: payload.secret,
        databaseUrl,
        dispatch: true,
        role: 'worker',
      });
      run.children.push(worker);
      edge.dispatcher = { metricsUrl: worker.metricsUrl, pid: worker.pid };
    }
  };

  await gateway(GATEWAY, `sqlite:${join(dir, 'ingest.sqlite')}`);
  await start(startBareNode(payload.secret));
  if (settings.nest) await start(startVerifyOnlyNest(payload.secret));
  if (postgres.url) {
    try {
      run.pgDatabase = await createBenchDatabase(postgres.url);
      await gateway(GATEWAY_PG, run.pgDatabase);
    } catch (error) {
      run.notes.push(
        `PostgreSQL skipped: the gateway did not start on ${redact(run.pgDatabase ?? postgres.url)}: ` +
          firstLines(error.message),
      );
    }
  } else {
    run.notes.push(`PostgreSQL skipped: ${postgres.reason}.`);
  }

  const { measurements, acknowledged } = await runIngestRounds(targets, payload);
  // Stopped before counting: SIGTERM lets the gateway commit everything it acknowledged.
  for (const proc of targets) await stopProcess(proc);

  console.log(`\n## Rounds (${settings.durationS} s each, ${settings.connections} connections)\n`);
  console.log(roundsTable(measurements));
  const summaries = summarizeServers(measurements);
  const references = [BARE, NEST].filter((name) => summaries.some((s) => s.server === name));
  console.log('\n## Ratios (means over the rounds of this run)\n');
  console.log(ratiosTable(summaries, references));
  console.log("\n## Inbox commits during the rounds (from the gateways' own metrics)\n");
  for (const line of commitsSummary(measurements, SLOW_MS)) console.log(`- ${line}`);
  for (const line of dispatchSummary(measurements)) console.log(`- ${line}`);

  console.log('\n## Store check (deliveries stored >= 2xx answers)\n');
  let storeOk = true;
  const checks = [];
  for (const proc of targets.filter((t) => t.databaseUrl)) {
    const stored = (await deliveryCounts(proc.databaseUrl)).total;
    const acked = acknowledged.get(proc.name);
    storeOk &&= stored >= acked;
    checks.push([proc.name, acked, stored, stored >= acked ? 'ok' : 'MISSING DELIVERIES']);
  }
  console.log(markdownTable(['server', '2xx answers', 'stored', 'check'], checks));
  const ingestByLabel = { SQLite: summaries.find((s) => s.server === GATEWAY).reqPerSec };
  const pg = summaries.find((s) => s.server === GATEWAY_PG);
  if (pg) ingestByLabel.PostgreSQL = pg.reqPerSec;
  return { ingestByLabel, storeOk };
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function firstLines(text, count = 12) {
  return text.split('\n').slice(0, count).join('\n');
}

module.exports = { runIngestBench };
