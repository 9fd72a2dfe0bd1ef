'use strict';
// Fill a migrated store with N deliveries in bulk SQL (not through HTTP): each with its body, one
// run and that run's attempts, spread evenly over the last 30 days. Ids are UUIDv7-shaped and
// time-ordered like the gateway's; provider delivery ids are random hex. The mix, by
// pseudo-random rules on the row number: providers github 60% (endpoints acme and beta), stripe
// 25%, shopify 10%, slack 5%; 5 types per provider plus `rare.event` (0.1%); 1% dead (3 attempts),
// 0.2% failed, the rest succeeded. Bodies are about 200 bytes of JSON.

const DAYS = 30;
const HANDLER = 'Handlers.onEvent';

/** The expressions both engines share, over the row number `i` and its time `ms`. */
function mix(i) {
  const r = `((${i} * 7919 + 13) % 1000)`;
  const r2 = `((${i} * 104729) % 1000)`;
  const r3 = `((${i} * 6151) % 1000)`;
  const provider = `CASE WHEN ${r} < 600 THEN 'github' WHEN ${r} < 850 THEN 'stripe' WHEN ${r} < 950 THEN 'shopify' ELSE 'slack' END`;
  const endpoint = `CASE WHEN ${r} < 600 THEN (CASE WHEN ${r} % 2 = 0 THEN 'acme' ELSE 'beta' END) WHEN ${r} < 850 THEN 'shop' WHEN ${r} < 950 THEN 'store' ELSE 'app' END`;
  const type = `CASE WHEN ${r2} = 0 THEN 'rare.event' ELSE (CASE WHEN ${r} < 600 THEN 'gh' WHEN ${r} < 850 THEN 'st' WHEN ${r} < 950 THEN 'sh' ELSE 'sl' END) || '.event_' || (${r2} % 5) END`;
  const status = `CASE WHEN ${r3} < 10 THEN 'dead' WHEN ${r3} < 12 THEN 'failed' ELSE 'succeeded' END`;
  const attempts = `CASE WHEN ${r3} < 10 THEN 3 ELSE 1 END`;
  const lastError = `CASE WHEN ${r3} < 5 THEN 'Error: upstream answered 503' || char10() || '    at Handlers.onEvent (handlers.js:12:11)' WHEN ${r3} < 10 THEN 'PermanentFailure: no customer ' || (${i} % 7) || char10() || '    at Handlers.onEvent (handlers.js:20:13)' WHEN ${r3} < 12 THEN 'Error: timeout' ELSE NULL END`;
  return { provider, endpoint, type, status, attempts, lastError };
}

/** SQLite: one INSERT ... SELECT per table over a recursive sequence, in one transaction. */
function sqliteFillStatements(n, nowMs) {
  const step = Math.floor((DAYS * 86_400_000) / n);
  const start = nowMs - n * step;
  const seq = `WITH RECURSIVE "seq"("i") AS (SELECT 0 UNION ALL SELECT "i" + 1 FROM "seq" WHERE "i" < ${n - 1})`;
  const ms = `(${start} + "i" * ${step})`;
  const uuid = (extra) =>
    `printf('%08x-%04x-7%03x-%04x-%012x', ${ms} / 65536, ${ms} % 65536, "i" % 4096, 32768 + ("i" / 4096) % 16384, "i" + ${extra})`;
  const at = (offsetMs) =>
    `strftime('%Y-%m-%d %H:%M:%f', (${ms} + ${offsetMs}) / 1000.0, 'unixepoch')`;
  const m = mix('"i"');
  const sub = (sql) => sql.replaceAll('char10()', 'char(10)');
  return [
    'BEGIN',
    `CREATE TEMP TABLE "fill" AS ${seq} SELECT "i", lower(hex(randomblob(16))) AS "pdid" FROM "seq"`,
    `INSERT INTO "deliveries" ("id", "provider", "endpoint", "type", "provider_delivery_id", ` +
      `"occurred_at", "received_at", "content_type", "headers", "status", "attempts", "planned") ` +
      `SELECT ${uuid(0)}, ${m.provider}, ${m.endpoint}, ${m.type}, "pdid", NULL, ${at(0)}, ` +
      `'application/json', '{"content-type":"application/json"}', ${m.status}, ${m.attempts}, 1 FROM "fill"`,
    `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") SELECT ${uuid(0)}, ` +
      `CAST('{"id":"' || "pdid" || '","n":' || "i" || ',"data":{"object":"event","padding":"' || ` +
      `substr(hex(zeroblob(64)), 1, 120) || '"}}' AS BLOB) FROM "fill"`,
    `INSERT INTO "runs" ("id", "delivery_id", "handler", "status", "attempts", "next_attempt_at", ` +
      `"last_error", "created_at", "updated_at", "finished_at") ` +
      `SELECT ${uuid(1 << 30)}, ${uuid(0)}, '${HANDLER}', ${m.status}, ${m.attempts}, ${at(3_600_000)}, ` +
      `${sub(m.lastError)}, ${at(0)}, ${at(50)}, ${at(50)} FROM "fill"`,
    `INSERT INTO "run_attempts" ("run_id", "delivery_id", "handler", "attempt", "started_at", ` +
      `"duration_ms", "outcome", "error", "stack") ` +
      `SELECT ${uuid(1 << 30)}, ${uuid(0)}, '${HANDLER}', "a"."n", ${at('"a"."n" * 10')}, 5 + "i" % 40, ` +
      `CASE WHEN ${m.status} = 'succeeded' THEN 'succeeded' WHEN "a"."n" < ${m.attempts} THEN 'failed' ELSE ${m.status} END, ` +
      `CASE WHEN ${m.status} = 'succeeded' THEN NULL ELSE 'Error: upstream answered 503' END, NULL ` +
      `FROM "fill" JOIN (SELECT 1 AS "n" UNION ALL SELECT 2 UNION ALL SELECT 3) "a" ON "a"."n" <= ${m.attempts}`,
    'DROP TABLE "fill"',
    'COMMIT',
  ];
}

/** PostgreSQL: the same rows from generate_series, then VACUUM ANALYZE (autovacuum's work). */
function postgresFillStatements(n, nowMs) {
  const step = Math.floor((DAYS * 86_400_000) / n);
  const start = nowMs - n * step;
  const ms = `(${start}::bigint + "i"::bigint * ${step})`;
  const hex = (value, width) => `lpad(to_hex(${value}), ${width}, '0')`;
  const uuid = (extra) =>
    `${hex(`${ms} / 65536`, 8)} || '-' || ${hex(`${ms} % 65536`, 4)} || '-7' || ${hex('"i" % 4096', 3)} ` +
    `|| '-' || ${hex('32768 + ("i" / 4096) % 16384', 4)} || '-' || ${hex(`"i"::bigint + ${extra}`, 12)}`;
  const at = (offsetMs) => `to_timestamp((${ms} + ${offsetMs}) / 1000.0)`;
  const m = mix('"i"::bigint');
  const sub = (sql) => sql.replaceAll('char10()', 'chr(10)');
  return [
    `CREATE TEMP TABLE "fill" AS SELECT "i", replace(gen_random_uuid()::text, '-', '') AS "pdid" ` +
      `FROM generate_series(0, ${n - 1}) AS "i"`,
    `INSERT INTO "deliveries" ("id", "provider", "endpoint", "type", "provider_delivery_id", ` +
      `"occurred_at", "received_at", "content_type", "headers", "status", "attempts", "planned") ` +
      `SELECT ${uuid(0)}, ${m.provider}, ${m.endpoint}, ${m.type}, "pdid", NULL, ${at(0)}, ` +
      `'application/json', '{"content-type":"application/json"}'::jsonb, ${m.status}, ${m.attempts}, TRUE FROM "fill"`,
    `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") SELECT ${uuid(0)}, ` +
      `convert_to('{"id":"' || "pdid" || '","n":' || "i" || ',"data":{"object":"event","padding":"' || ` +
      `repeat('0', 120) || '"}}', 'UTF8') FROM "fill"`,
    `INSERT INTO "runs" ("id", "delivery_id", "handler", "status", "attempts", "next_attempt_at", ` +
      `"last_error", "created_at", "updated_at", "finished_at") ` +
      `SELECT ${uuid(1 << 30)}, ${uuid(0)}, '${HANDLER}', ${m.status}, ${m.attempts}, ${at(3_600_000)}, ` +
      `${sub(m.lastError)}, ${at(0)}, ${at(50)}, ${at(50)} FROM "fill"`,
    `INSERT INTO "run_attempts" ("run_id", "delivery_id", "handler", "attempt", "started_at", ` +
      `"duration_ms", "outcome", "error", "stack") ` +
      `SELECT ${uuid(1 << 30)}, ${uuid(0)}, '${HANDLER}', "a"."n", ${at('"a"."n" * 10')}, 5 + "i" % 40, ` +
      `CASE WHEN ${m.status} = 'succeeded' THEN 'succeeded' WHEN "a"."n" < ${m.attempts} THEN 'failed' ELSE ${m.status} END, ` +
      `CASE WHEN ${m.status} = 'succeeded' THEN NULL ELSE 'Error: upstream answered 503' END, NULL ` +
      `FROM "fill" JOIN generate_series(1, 3) AS "a"("n") ON "a"."n" <= ${m.attempts}`,
    'DROP TABLE "fill"',
  ];
}

/** Endpoints the filled store's deliveries came to, for the gateway's config. */
const FILLED_ENDPOINTS = [
  { provider: 'github', id: 'acme' },
  { provider: 'github', id: 'beta' },
  { provider: 'stripe', id: 'shop' },
  { provider: 'shopify', id: 'store' },
  { provider: 'slack', id: 'app' },
];

module.exports = { sqliteFillStatements, postgresFillStatements, FILLED_ENDPOINTS };
