'use strict';
// The two reference servers the gateway is compared with (see bench/servers/).
const { join } = require('node:path');
const { freePort, startProcess, waitReady } = require('./processes');

async function startBaseline(name, script, readyPath, secret) {
  const port = await freePort();
  const proc = startProcess(name, join(__dirname, '..', 'servers', script), {
    NODE_ENV: 'production',
    PORT: String(port),
    BENCH_SECRET: secret,
  });
  await waitReady(proc, `http://127.0.0.1:${port}${readyPath}`);
  return { ...proc, url: `http://127.0.0.1:${port}/webhooks/github/bench` };
}

const startBareNode = (secret) => startBaseline('bare node:http', 'bare-http.js', '/', secret);
const startVerifyOnlyNest = (secret) =>
  startBaseline('verify-only Nest', 'nest-verify.js', '/webhooks/health', secret);

module.exports = { startBareNode, startVerifyOnlyNest };
