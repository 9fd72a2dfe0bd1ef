#!/usr/bin/env node
'use strict';
// The admin API's dashboard reads on a large store (issue 32): fill a fresh store with
// BENCH_DASHBOARD_N deliveries (default 1,000,000) in bulk SQL, start the built gateway on it
// (no worker, so nothing changes while it is measured), and time each read over HTTP. SQLite,
// then PostgreSQL when one answers (its own database, dropped after). Not part of `npm test`.
// Settings and method: bench/README.md, "Dashboard queries".
const { randomBytes } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const sqlite3 = require('sqlite3');
const { buildGateway } = require('./lib/build');
const {
  FILLED_ENDPOINTS,
  postgresFillStatements,
  sqliteFillStatements,
} = require('./lib/dashboard-fill');
const { dashboardQueries, measure, printTable } = require('./lib/dashboard-measure');
const {
  createBenchDatabase,
  dropBenchDatabase,
  findPostgres,
  withClient,
} = require('./lib/postgres');
const { freePort, startProcess, stopProcess, waitReady } = require('./lib/processes');
const { settings } = require('./lib/settings');

const ROOT = resolve(__dirname, '..');
const N = Math.floor(Number(process.env.BENCH_DASHBOARD_N || 1_000_000));
const ITERATIONS = Math.floor(Number(process.env.BENCH_DASHBOARD_ITERATIONS || 50));

function sqliteRun(path, statements) {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return fail(openError);
      db.exec(statements.join(';\n'), (error) => db.close(() => (error ? fail(error) : done())));
    });
  });
}

function sqliteAll(path, sql) {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return fail(openError);
      db.all(sql, (error, rows) => db.close(() => (error ? fail(error) : done(rows))));
    });
  });
}

/** The gateway's config for this store, written to `dir`; the admin token is returned. */
function writeConfig(dir, databaseUrl, port) {
  const token = `bench-admin-${randomBytes(12).toString('hex')}`;
  const secret = randomBytes(16).toString('hex');
  const config = {
    port,
    database: { url: databaseUrl },
    admin: { token },
    dispatch: { enabled: false },
    endpoints: FILLED_ENDPOINTS.map((e) => ({ ...e, secrets: [secret] })),
  };
  const path = join(dir, `dashboard-${Date.now()}.json`);
  writeFileSync(path, JSON.stringify(config));
  return { path, token };
}

/** Migrate through the gateway's own `migrate`, then fill; returns seconds spent filling. */
async function fill(engine, databaseUrl, configPath, now) {
  execFileSync(process.execPath, [join(ROOT, 'dist', 'store', 'migrate.js')], {
    env: { ...process.env, HOOKGATE_CONFIG: configPath, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  const started = performance.now();
  if (engine === 'sqlite') {
    await sqliteRun(databaseUrl.slice('sqlite:'.length), sqliteFillStatements(N, now));
  } else {
    await withClient(databaseUrl, async (client) => {
      for (const sql of postgresFillStatements(N, now)) await client.query(sql);
      await client.query('VACUUM ANALYZE');
    });
  }
  return (performance.now() - started) / 1000;
}

/** Ids and values the queries use, read from the filled store. */
async function sampleValues(engine, databaseUrl) {
  const read = (sql) =>
    engine === 'sqlite'
      ? sqliteAll(databaseUrl.slice('sqlite:'.length), sql)
      : withClient(databaseUrl, async (client) => (await client.query(sql)).rows);
  const picked = await read(
    `SELECT "id", "provider_delivery_id" AS "pdid" FROM "deliveries" WHERE "id" IN (` +
      `SELECT "id" FROM "deliveries" ORDER BY "id" LIMIT 100 OFFSET ${Math.floor(N / 2)})`,
  );
  const spread = await read(
    `SELECT "id" FROM "deliveries" WHERE "status" = 'dead' ORDER BY "id" DESC LIMIT 1 OFFSET 49`,
  );
  return {
    deliveryIds: picked.map((row) => row.id),
    providerDeliveryIds: picked.map((row) => row.pdid),
    deadCursor: spread[0].id,
  };
}

async function benchEngine(engine, databaseUrl, dir) {
  const port = await freePort();
  const { path, token } = writeConfig(dir, databaseUrl, port);
  const now = Date.now();
  const seconds = await fill(engine, databaseUrl, path, now);
  console.log(`${engine}: filled ${N.toLocaleString('en')} deliveries in ${seconds.toFixed(0)} s`);
  const sample = await sampleValues(engine, databaseUrl);
  const gateway = startProcess(`dashboard-${engine}`, join(ROOT, 'dist', 'main.js'), {
    NODE_ENV: 'production',
    HOOKGATE_CONFIG: path,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
  });
  try {
    await waitReady(gateway, `http://127.0.0.1:${port}/health`, 120_000);
    const rows = await measure(
      `http://127.0.0.1:${port}`,
      token,
      dashboardQueries(sample, now),
      ITERATIONS,
    );
    printTable(`${engine}, ${N.toLocaleString('en')} deliveries, ${ITERATIONS} calls each`, rows);
  } finally {
    await stopProcess(gateway);
  }
}

async function main() {
  if (settings.build) buildGateway();
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-dashboard-'));
  const engines = (process.env.BENCH_DASHBOARD_ENGINES || 'sqlite,postgres').split(',');
  try {
    if (engines.includes('sqlite')) {
      await benchEngine('sqlite', `sqlite:${join(dir, 'dashboard.sqlite')}`, dir);
    }
    const postgres = await findPostgres();
    if (engines.includes('postgres') && postgres.url) {
      const databaseUrl = await createBenchDatabase(postgres.url, 'dashboard');
      try {
        await benchEngine('postgres', databaseUrl, dir);
      } finally {
        await dropBenchDatabase(postgres.url, databaseUrl);
      }
    } else if (engines.includes('postgres')) {
      console.log(`PostgreSQL skipped: ${postgres.reason}`);
    }
  } finally {
    if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
