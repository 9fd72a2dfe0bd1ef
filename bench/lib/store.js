'use strict';
// Read the gateway's store from outside the gateway: how many deliveries, and in which status.
const sqlite3 = require('sqlite3');
const { withClient } = require('./postgres');

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

module.exports = { deliveryCounts };
