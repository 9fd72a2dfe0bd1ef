'use strict';
// Tables and ratios for the console (and for bench/README.md, which copies them).

function fixed(value, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function markdownTable(header, rows) {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One line per server and round. */
function roundsTable(measurements) {
  const header = [
    'server',
    'round',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'peak RSS MB',
    'CPU',
    '2xx',
    'non-2xx',
    'errors',
    'commits',
    'per commit',
    'commit mean ms',
    'slowest commit ms ≤',
    'loop delay max ms',
  ];
  const rows = measurements.map((m) => [
    m.server,
    m.round,
    fixed(m.reqPerSec),
    fixed(m.p50),
    fixed(m.p99),
    fixed(m.max),
    fixed(m.peakRssMb),
    fixed(m.cpu, 2),
    m.ok,
    m.non2xx,
    m.errors + m.timeouts,
    m.inbox ? m.inbox.commits : '',
    m.inbox ? fixed(m.inbox.deliveriesPerCommit, 1) : '',
    m.inbox ? fixed(m.inbox.meanCommitMs, 1) : '',
    m.inbox ? fixed(m.inbox.slowestCommitUpToMs) : '',
    m.inbox ? fixed(m.inbox.loopDelayMaxMs) : '',
  ]);
  return markdownTable(header, rows);
}

function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Per server: mean req/s and p99 over its rounds, worst max and RSS. */
function summarizeServers(measurements) {
  const byServer = new Map();
  for (const m of measurements) {
    if (!byServer.has(m.server)) byServer.set(m.server, []);
    byServer.get(m.server).push(m);
  }
  return [...byServer].map(([server, list]) => ({
    server,
    reqPerSec: mean(list.map((m) => m.reqPerSec)),
    p99: mean(list.map((m) => m.p99)),
    max: Math.max(...list.map((m) => m.max)),
    peakRssMb: Math.max(...list.map((m) => m.lifetimePeakRssMb || m.peakRssMb)),
    non2xx: list.reduce((n, m) => n + m.non2xx + m.errors + m.timeouts, 0),
  }));
}

/** Ratios of each server against the references, from means over the same run's rounds. */
function ratiosTable(summaries, referenceNames) {
  const references = referenceNames
    .map((name) => summaries.find((s) => s.server === name))
    .filter(Boolean);
  const header = [
    'server',
    'mean req/s',
    ...references.map((r) => `÷ ${r.server}`),
    'mean p99 ms',
    ...references.map((r) => `p99 ÷ ${r.server}`),
    'worst max ms',
    'peak RSS MB',
    'non-2xx+errors',
  ];
  const rows = summaries.map((s) => [
    s.server,
    fixed(s.reqPerSec),
    ...references.map((r) => fixed(s.reqPerSec / r.reqPerSec, 3)),
    fixed(s.p99),
    ...references.map((r) => fixed(s.p99 / r.p99, 2)),
    fixed(s.max),
    fixed(s.peakRssMb),
    s.non2xx,
  ]);
  return markdownTable(header, rows);
}

/** Per gateway: its inbox commits over the timed rounds (see gateway-metrics.js). */
function commitsSummary(measurements, slowMs) {
  const byServer = new Map();
  for (const m of measurements.filter((m) => m.inbox)) {
    byServer.set(m.server, [...(byServer.get(m.server) ?? []), m.inbox]);
  }
  return [...byServer].map(([server, rounds]) => {
    const commits = rounds.reduce((n, r) => n + r.commits, 0);
    const deliveries = rounds.reduce((n, r) => n + r.deliveries, 0);
    const slowest = Math.max(...rounds.map((r) => r.slowestCommitUpToMs));
    const slow = rounds.reduce((n, r) => n + r.commitsOverSlowMs, 0);
    const loopDelay = Math.max(...rounds.map((r) => r.loopDelayMaxMs));
    return (
      `${server}: ${commits} inbox commits, ${fixed(deliveries / commits, 1)} deliveries each, ` +
      `slowest <= ${fixed(slowest)} ms, ${slow} over ${slowMs} ms; ` +
      `longest event-loop delay ${fixed(loopDelay)} ms`
    );
  });
}

/**
 * Per gateway that dispatched during the rounds: the handler runs finished against the 2xx
 * answers (about 1 when dispatch keeps up with ingest), and a separate worker's CPU.
 */
function dispatchSummary(measurements) {
  const byServer = new Map();
  for (const m of measurements.filter((m) => m.dispatch)) {
    byServer.set(m.server, [...(byServer.get(m.server) ?? []), m]);
  }
  return [...byServer].map(([server, rounds]) => {
    const runs = rounds.reduce((n, r) => n + r.dispatch.runsFinished, 0);
    const answered = rounds.reduce((n, r) => n + r.ok, 0);
    const workerCpu = rounds.map((r) => r.dispatch.workerCpu).filter((cpu) => cpu !== null);
    return (
      `${server}: ${runs} handler runs finished during the rounds, ${fixed(runs / answered, 2)} × ` +
      `its ${answered} 2xx answers` +
      (workerCpu.length
        ? `; the worker process used ${workerCpu.map((cpu) => fixed(cpu, 2)).join(' / ')} CPU`
        : '')
    );
  });
}

module.exports = {
  dispatchSummary,
  roundsTable,
  summarizeServers,
  ratiosTable,
  commitsSummary,
  markdownTable,
  fixed,
};
