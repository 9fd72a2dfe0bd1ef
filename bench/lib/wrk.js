'use strict';
// One round of load with wrk (1 thread, as in the reference figures): far less CPU per
// request than autocannon, which matters on a 2-core machine where the load generator shares
// the cores with the server. Used when wrk is installed (BENCH_TOOL=auto) or asked for.
const { execFile, execFileSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

function wrkInstalled() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary is ENOENT.
    return error.code !== 'ENOENT';
  }
}

const bodyFiles = new WeakMap();
let rounds = 0;

/** Load `url` for `durationS` seconds; resolves with the fields `summarize` reads. */
function wrkRound({ url, payload, connections, durationS }) {
  let bodyFile = bodyFiles.get(payload);
  if (!bodyFile) {
    bodyFile = join(tmpdir(), `hookgate-bench-body-${process.pid}-${rounds}`);
    writeFileSync(bodyFile, payload.body);
    bodyFiles.set(payload, bodyFile);
  }
  const args = ['-t1', `-c${connections}`, `-d${durationS}s`, '--latency', '--timeout', '30s'];
  args.push('-s', join(__dirname, 'wrk-request.lua'), url);
  const env = {
    ...process.env,
    WRK_BODY_FILE: bodyFile,
    WRK_SIGNATURE: payload.signature,
    WRK_PREFIX: `wrk-${process.pid}-${Date.now()}-${rounds++}`,
  };
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { env }, (error, stdout) =>
      error ? reject(error) : resolve(parseWrk(stdout)),
    );
  });
}

/** wrk's text report → autocannon-shaped figures (latencies in ms). */
function parseWrk(text) {
  const match = (regex) => {
    const found = text.match(regex);
    if (!found) throw new Error(`unexpected wrk output (${regex}):\n${text}`);
    return found;
  };
  const [, total, seconds] = match(/(\d+) requests in ([\d.]+)(\w+),/);
  const duration = Number(seconds) * (match(/requests in [\d.]+(\w+),/)[1] === 'm' ? 60 : 1);
  const latencyMax = toMs(match(/Latency\s+\S+\s+\S+\s+(\S+)/)[1]);
  const non2xx = Number((text.match(/Non-2xx or 3xx responses: (\d+)/) ?? [0, 0])[1]);
  const socket = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const [connect, read, write, timeouts] = socket ? socket.slice(1).map(Number) : [0, 0, 0, 0];
  return {
    requests: { total: Number(total) },
    duration,
    latency: {
      p50: toMs(match(/\s50%\s+(\S+)/)[1]),
      p99: toMs(match(/\s99%\s+(\S+)/)[1]),
      max: latencyMax,
    },
    '2xx': Number(total) - non2xx,
    non2xx,
    errors: connect + read + write,
    timeouts,
  };
}

function toMs(value) {
  const [, number, unit] = value.match(/^([\d.]+)(us|ms|s|m)$/) ?? [];
  if (number === undefined) throw new Error(`unexpected wrk latency ${value}`);
  return Number(number) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit];
}

module.exports = { wrkInstalled, wrkRound, parseWrk };
