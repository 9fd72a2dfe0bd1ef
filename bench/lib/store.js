'use strict';
// Read the gateway's store from outside the gateway: how many deliveries, and in which status.
const { join, resolve: resolvePath } = require('node:path');
const sqlite3 = require('sqlite3');
const { withClient } = require('./postgres');

const ROOT = resolvePath(__dirname, '..', '..');

function sqliteQuery(path, sql) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
    });
  });
}

async function query(databaseUrl, sql) {
  if (databaseUrl.startsWith('sqlite:'))
    return sqliteQuery(databaseUrl.slice('sqlite:'.length), sql);
  return withClient(databaseUrl, async (client) => (await client.query(sql)).rows);
}

/** `{ pending: n, succeeded: m, ... , total }` for the deliveries table. */
async function deliveryCounts(databaseUrl) {
  const rows = await query(
    databaseUrl,
    'SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status',
  );
  const counts = { total: 0 };
  for (const row of rows) {
    counts[row.status] = Number(row.n);
    counts.total += Number(row.n);
  }
  return counts;
}

/**
 * When the last run was recorded as finished (ms since the epoch), from `runs.finished_at`: the
 * gateway stamps it in the transaction that commits the outcome, so the drain's end is read off
 * the store instead of the bench's poll (which adds up to a poll interval). The stamp is parsed
 * by the gateway's own `storedDate` (built into dist/ before any bench runs).
 */
async function lastRunFinishedAt(databaseUrl) {
  const [row] = await query(databaseUrl, 'SELECT MAX(finished_at) AS last FROM runs');
  if (row?.last === null || row?.last === undefined) return undefined;
  const { storedDate } = require(join(ROOT, 'dist', 'store', 'sql', 'stored-date'));
  return storedDate(row.last).getTime();
}

module.exports = { deliveryCounts, lastRunFinishedAt };
