'use strict';
// Start a server as a child process, wait until it answers, stop it. Output is kept (last 64 KiB)
// only to explain a failure.
const { spawn } = require('node:child_process');
const { createWriteStream, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { createServer } = require('node:net');

const OUTPUT_TAIL = 64 * 1024;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawn `node [...nodeArgs] script` with `env` added; `pid` is the node process itself. */
function startProcess(name, script, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: process.cwd(),
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-OUTPUT_TAIL);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (process.env.BENCH_LOG_DIR) {
    // Every line of every server, for a closer look after the run.
    mkdirSync(process.env.BENCH_LOG_DIR, { recursive: true });
    const log = createWriteStream(join(process.env.BENCH_LOG_DIR, `${name}.log`));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { name, child, pid: child.pid, exited, output: () => output };
}

/** Poll `url` until it answers 200; fail with the process output after `timeoutMs`. */
async function waitReady(proc, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && proc.child.exitCode === null) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${proc.name} did not become ready at ${url}:\n${proc.output()}`);
}

/** SIGTERM (graceful: the gateway commits what it acknowledged), SIGKILL after `graceMs`. */
async function stopProcess(proc, graceMs = 20_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { freePort, startProcess, waitReady, stopProcess, sleep };
