'use strict';
// Start the built production gateway (`node dist/main.js`, NODE_ENV=production) on a temp config
// file with one GitHub endpoint. The database is a SQLite file in a temp dir or a PostgreSQL URL.
const { randomBytes } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { settings } = require('./settings');
const { freePort, startProcess, waitReady } = require('./processes');

const ROOT = resolve(__dirname, '..', '..');
const ENDPOINT_ID = 'bench';

/**
 * `databaseUrl`: `sqlite:/tmp/.../x.sqlite` or `postgres://...`. `dispatch`: run the worker in
 * this process (the ingest rounds run edge-only by default; see bench/README.md).
 */
async function startGateway({ name, dir, secret, databaseUrl, dispatch, role }) {
  const port = await freePort();
  const configPath = join(dir, `${name}.config.json`);
  const config = {
    port,
    database: { url: databaseUrl, sqliteSynchronous: settings.sqliteSynchronous },
    admin: { token: `bench-admin-${randomBytes(12).toString('hex')}` },
    dispatch: {
      enabled: dispatch,
      concurrency: settings.dispatchConcurrency,
      prefetch: settings.dispatchPrefetch,
    },
    endpoints: [{ provider: 'github', id: ENDPOINT_ID, secrets: [secret] }],
    // The drain's stand-in for a no-op handler: GithubPushLogger (see dispatch-drain.js).
    exampleHandlers: true,
  };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const main = settings.gatewayMain || join(ROOT, 'dist', 'main.js');
  const proc = startProcess(
    name,
    main,
    {
      NODE_ENV: 'production',
      HOOKGATE_CONFIG: configPath,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ...(role ? { HOOKGATE_ROLE: role } : {}),
    },
    settings.gatewayNodeFlags,
  );
  await waitReady(proc, `http://127.0.0.1:${port}/health`, 60_000);
  return {
    ...proc,
    url: `http://127.0.0.1:${port}/webhooks/github/${ENDPOINT_ID}`,
    metricsUrl: `http://127.0.0.1:${port}/metrics`,
    databaseUrl,
    readyAt: Date.now(),
  };
}

module.exports = { startGateway };
