'use strict';
// Preload for the gateway process (`node -r`): every 5 s, append to a file how long each kind of
// sqlite3 statement took as the event loop saw it (call to callback: the thread-pool hops plus
// the wait for the event loop to run the callback) and as SQLite ran it (sqlite3's `profile`
// event). The difference is time a transaction holds the store's write lock without SQLite
// doing anything. Usage (bench/README.md):
//   BENCH_GATEWAY_NODE_FLAGS="-r $PWD/bench/tools/sqlite-statement-timing.js" npm run bench
// Output: $HOOKGATE_SQL_TIMING_FILE, default /tmp/hookgate-sql-timing.log.
const { appendFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { join } = require('node:path');
const sqlite3 = require(join(process.cwd(), 'node_modules', 'sqlite3'));

const OUTPUT = process.env.HOOKGATE_SQL_TIMING_FILE || '/tmp/hookgate-sql-timing.log';
const INTERVAL_MS = 5000;

/** Statement kinds of the ingest and dispatch paths; anything else by its first words. */
const KINDS = [
  [/^INSERT INTO "(deliveries|delivery_inbox)"/, 'inbox insert'],
  [/^INSERT INTO "runs"/, 'plan: insert runs'],
  [/"planned" = |"d"\."planned"/, 'plan: select / mark planned'],
  [/^UPDATE "deliveries" SET "status" = CASE/, 'refresh delivery status'],
  [/^UPDATE "runs" SET "attempts"/, 'claim: lease'],
  [/^UPDATE "runs" SET "status"/, 'record outcomes'],
  [/^SELECT .*FROM "deliveries"/, 'claim: load deliveries'],
];
const kindOf = (sql) => {
  const text = String(sql).replace(/\s+/g, ' ').trim();
  const known = KINDS.find(([pattern]) => pattern.test(text));
  return known ? known[1] : text.slice(0, 28);
};

let seen = new Map();
const note = (kind, ms) => {
  const entry = seen.get(kind) ?? { count: 0, totalMs: 0, maxMs: 0 };
  entry.count += 1;
  entry.totalMs += ms;
  entry.maxMs = Math.max(entry.maxMs, ms);
  seen.set(kind, entry);
};

const profiled = new WeakSet();
for (const method of ['run', 'all']) {
  const original = sqlite3.Database.prototype[method];
  sqlite3.Database.prototype[method] = function timed(...args) {
    if (!profiled.has(this)) {
      profiled.add(this);
      this.on('profile', (sql, ms) => note(`${kindOf(sql)} [in SQLite]`, ms));
    }
    const last = args.length - 1;
    if (typeof args[last] !== 'function') return original.apply(this, args);
    const callback = args[last];
    const kind = kindOf(args[0]);
    const startedAt = performance.now();
    args[last] = function timedCallback(...results) {
      note(`${kind} [event loop]`, performance.now() - startedAt);
      return callback.apply(this, results);
    };
    return original.apply(this, args);
  };
}

setInterval(() => {
  const rows = [...seen.entries()]
    .sort((a, b) => b[1].totalMs - a[1].totalMs)
    .map(
      ([kind, { count, totalMs, maxMs }]) =>
        `${kind.padEnd(48)} n=${String(count).padStart(6)}  mean ${(totalMs / count).toFixed(2)} ms` +
        `  max ${maxMs.toFixed(1)} ms  total ${(totalMs / 1000).toFixed(2)} s`,
    );
  seen = new Map();
  if (rows.length) appendFileSync(OUTPUT, `--- ${new Date().toISOString()}\n${rows.join('\n')}\n`);
}, INTERVAL_MS).unref();
