'use strict';
// Time the admin API's dashboard reads over HTTP against a started gateway: each query many
// times, one at a time, after a few unmeasured calls; p50, p95 and max per query.

const WARMUP = 3;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The queries: the list's first page without and with each filter, a later page, a delivery's
 * detail and raw body (a different delivery each call), and the other dashboard routes.
 * `sample` holds values read from the filled store (delivery ids, provider delivery ids).
 */
function dashboardQueries(sample, now) {
  const iso = (ms) => new Date(ms).toISOString();
  const day = 86_400_000;
  const detail = (suffix) => (call) =>
    `/admin/deliveries/${sample.deliveryIds[call % sample.deliveryIds.length]}${suffix}`;
  // A different provider delivery id (or its prefix) each call: a planner's estimate of one
  // prefix may be luckier than another's.
  const q = (length) => (call) =>
    `/admin/deliveries?q=${sample.providerDeliveryIds[call % sample.providerDeliveryIds.length].slice(0, length)}`;
  return [
    ['list, no filter', '/admin/deliveries'],
    ['list, provider=github (60%)', '/admin/deliveries?provider=github'],
    ['list, provider=slack (5%)', '/admin/deliveries?provider=slack'],
    ['list, provider+endpoint', '/admin/deliveries?provider=github&endpoint=beta'],
    ['list, endpoint=store (10%)', '/admin/deliveries?endpoint=store'],
    ['list, type (common)', '/admin/deliveries?type=gh.event_1'],
    ['list, type=rare.event (0.1%)', '/admin/deliveries?type=rare.event'],
    ['list, status=dead (1%)', '/admin/deliveries?status=dead'],
    ['list, status=failed (0.2%)', '/admin/deliveries?status=failed'],
    ['list, received in the last hour', `/admin/deliveries?receivedAfter=${iso(now - 3_600_000)}`],
    [
      'list, one day 15 days ago',
      `/admin/deliveries?receivedAfter=${iso(now - 15 * day)}&receivedBefore=${iso(now - 14 * day)}`,
    ],
    ['list, q = a whole provider id', q(undefined)],
    ['list, q = 4-character prefix', q(4)],
    ['list, q = 1-character prefix', q(1)],
    ['list, status=dead, page 2', `/admin/deliveries?status=dead&cursor=${sample.deadCursor}`],
    ['detail', detail('')],
    ['raw body', detail('/raw')],
    ['failures by handler', '/admin/failures'],
    ['failures by error', '/admin/failures?groupBy=error'],
    ['endpoints', '/admin/endpoints'],
    ['stats 1h', '/admin/stats?window=1h'],
    ['stats 24h', '/admin/stats?window=24h'],
  ];
}

/** Run each query `iterations` times; returns rows of { name, p50, p95, max, items }. */
async function measure(baseUrl, token, queries, iterations) {
  const headers = { authorization: `Bearer ${token}` };
  const rows = [];
  for (const [name, path] of queries) {
    const times = [];
    let items = null;
    for (let call = 0; call < WARMUP + iterations; call++) {
      const url = baseUrl + (typeof path === 'function' ? path(call) : path);
      const started = performance.now();
      const res = await fetch(url, { headers });
      const body = await res.arrayBuffer();
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${Buffer.from(body)}`);
      if (call >= WARMUP) times.push(ms);
      if (items === null && res.headers.get('content-type')?.includes('json')) {
        const parsed = JSON.parse(Buffer.from(body).toString());
        items = (parsed.items ?? parsed.groups ?? parsed.buckets ?? parsed.runs ?? []).length;
      }
    }
    times.sort((a, b) => a - b);
    rows.push({
      name,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
      items,
    });
  }
  return rows;
}

function printTable(label, rows) {
  console.log(`\n${label}`);
  console.log('| query | p50 ms | p95 ms | max ms | items |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    const f = (ms) => ms.toFixed(1);
    console.log(
      `| ${row.name} | ${f(row.p50)} | ${f(row.p95)} | ${f(row.max)} | ${row.items ?? ''} |`,
    );
  }
}

module.exports = { dashboardQueries, measure, printTable };
