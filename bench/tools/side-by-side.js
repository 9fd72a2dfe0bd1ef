#!/usr/bin/env node
'use strict';
// Two builds of the gateway at once, loaded in alternating rounds, to compare a change with its
// base without the machine's drift between two separate bench runs (bench/README.md).
// Usage: node bench/tools/side-by-side.js BASE_MAIN CHANGE_MAIN [rounds]
//   BASE_MAIN / CHANGE_MAIN: built entry points, e.g. /tmp/base/dist/main.js and dist/main.js.
// Honours BENCH_DURATION_S (default here 5), BENCH_WARMUP_S, BENCH_CONNECTIONS, BENCH_BODY_BYTES.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { startGateway } = require('../lib/gateway');
const { runIngestRounds } = require('../lib/ingest');
const { signedPush } = require('../lib/payload');
const { stopProcess } = require('../lib/processes');
const { settings } = require('../lib/settings');
const { armWatchdog } = require('../lib/watchdog');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
  const [baseMain, changeMain, rounds = '8'] = process.argv.slice(2);
  if (!baseMain || !changeMain) {
    console.error('usage: side-by-side.js BASE_MAIN CHANGE_MAIN [rounds]');
    process.exit(64);
  }
  if (!process.env.BENCH_DURATION_S) settings.durationS = 5;
  settings.rounds = Math.max(1, Number(rounds));
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-sbs-'));
  const payload = signedPush(settings.bodyBytes);
  const children = [];
  armWatchdog(children);
  try {
    const targets = [];
    for (const [name, main] of [
      ['base', baseMain],
      ['change', changeMain],
    ]) {
      // startGateway reads the entry point from the settings: set it for each build in turn.
      settings.gatewayMain = resolve(main);
      const gateway = await startGateway({
        name,
        dir,
        secret: payload.secret,
        databaseUrl: `sqlite:${join(dir, `${name}.sqlite`)}`,
        dispatch: false,
      });
      children.push(gateway);
      targets.push(gateway);
    }
    const { measurements } = await runIngestRounds(targets, payload);
    const figures = (name, key) =>
      measurements.filter((m) => m.server === name).map((m) => Number(m[key]));
    const base = median(figures('base', 'reqPerSec'));
    const change = median(figures('change', 'reqPerSec'));
    console.log(
      `\nmedian req/s: base ${base.toFixed(0)}, change ${change.toFixed(0)}, ` +
        `change ÷ base ${(change / base).toFixed(3)}; p99 ms base ` +
        `${Math.min(...figures('base', 'p99'))}-${Math.max(...figures('base', 'p99'))}, change ` +
        `${Math.min(...figures('change', 'p99'))}-${Math.max(...figures('change', 'p99'))}`,
    );
  } finally {
    for (const child of children) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
