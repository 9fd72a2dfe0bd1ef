#!/usr/bin/env node
'use strict';
// `npm run bench`: build, then in one run load the production gateway (SQLite, and PostgreSQL
// when one answers), a bare node:http HMAC server and a verify-only NestJS app alternately with
// the same autocannon settings; print per-round figures and ratios; check that the store holds
// every acknowledged delivery; then time the dispatch drain. `npm run bench:dispatch` (argument
// `dispatch`) runs only the drain. Settings: bench/README.md.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir, cpus } = require('node:os');
const { join } = require('node:path');
const { buildGateway } = require('./lib/build');
const { dispatchDatabaseUrl, printDispatch, runDispatchBench } = require('./lib/dispatch-drain');
const { runIngestBench } = require('./lib/ingest-bench');
const { signedPush } = require('./lib/payload');
const { createBenchDatabase, dropBenchDatabase, findPostgres } = require('./lib/postgres');
const { stopProcess } = require('./lib/processes');
const { settings } = require('./lib/settings');
const { armWatchdog } = require('./lib/watchdog');
const { roundTool } = require('./lib/load');

async function main() {
  const onlyDispatch = process.argv[2] === 'dispatch';
  const run = {
    dir: mkdtempSync(join(tmpdir(), 'hookgate-bench-')),
    payload: signedPush(settings.bodyBytes),
    postgres: await findPostgres(),
    pgDatabase: null,
    pgDispatchDatabase: null,
    children: [],
    notes: [],
  };
  armWatchdog(run.children);
  printSettings();
  let failed = false;
  try {
    if (settings.build) buildGateway();
    let ingestByLabel = {};
    if (!onlyDispatch) {
      const ingest = await runIngestBench(run);
      ingestByLabel = ingest.ingestByLabel;
      failed ||= !ingest.storeOk;
    }
    if (settings.dispatch || onlyDispatch) {
      const drains = [
        await runDispatchBench({
          ...run,
          databaseUrl: dispatchDatabaseUrl(run.dir),
          label: 'SQLite',
        }),
      ];
      if (run.postgres.url) {
        run.pgDispatchDatabase = await createBenchDatabase(run.postgres.url, 'dispatch');
        drains.push(
          await runDispatchBench({
            ...run,
            databaseUrl: run.pgDispatchDatabase,
            label: 'PostgreSQL',
            workerCount: settings.dispatchPostgresWorkers,
          }),
        );
      }
      printDispatch(drains, ingestByLabel);
    }
  } catch (error) {
    failed = true;
    console.error(`\nBENCH FAILED: ${error.stack ?? error}`);
  } finally {
    await cleanUp(run);
  }
  for (const note of run.notes) console.log(`\nNOTE: ${note}`);
  if (failed) console.error('\nFAILED: see above.');
  process.exit(failed ? 1 : 0);
}

async function cleanUp(run) {
  for (const proc of run.children) await stopProcess(proc);
  for (const database of [run.pgDatabase, run.pgDispatchDatabase].filter(Boolean)) {
    await dropBenchDatabase(run.postgres.url, database).catch((error) =>
      run.notes.push(`could not drop ${database}: ${error.message}`),
    );
  }
  if (process.env.BENCH_KEEP === '1') run.notes.push(`kept ${run.dir}`);
  else rmSync(run.dir, { recursive: true, force: true });
}

function printSettings() {
  console.log(
    `# Hookgate bench ${new Date().toISOString()}: node ${process.version}, ${cpus().length} cores, ` +
      `${roundTool === 'wrk' ? 'wrk -t1' : 'autocannon'} ${settings.connections} connections, ${settings.durationS} s x ${settings.rounds} ` +
      `rounds (+${settings.warmupS} s warm-up), ${settings.bodyBytes}-byte signed push, unique ` +
      `X-GitHub-Delivery, SQLite synchronous=${settings.sqliteSynchronous}, dispatch during ` +
      `ingest: ${settings.ingestDispatch === 'process' ? 'separate process' : settings.ingestDispatch ? 'on' : 'off'}`,
  );
}

void main();
