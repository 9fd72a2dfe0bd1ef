'use strict';
// PostgreSQL for the bench: find a server (BENCH_DATABASE_URL, or one answering on
// 127.0.0.1:5432), create a fresh database `hookgate_bench_<pid>`, drop it afterwards.
const { Socket } = require('node:net');
const { Client } = require('pg');
const { settings } = require('./settings');

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

function portAnswers(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** The server URL to create the bench database on, or null (with the reason) when there is none. */
async function findPostgres() {
  if (!settings.postgres) return { url: null, reason: 'BENCH_POSTGRES=0' };
  if (settings.postgresUrl) return { url: settings.postgresUrl };
  if (await portAnswers('127.0.0.1', 5432)) return { url: DEFAULT_SERVER };
  return { url: null, reason: 'no BENCH_DATABASE_URL and nothing answers on 127.0.0.1:5432' };
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database `hookgate_bench_<pid>[_<suffix>]` (one per use in a run). */
async function createBenchDatabase(serverUrl, suffix = '') {
  const name = `hookgate_bench_${process.pid}${suffix ? `_${suffix}` : ''}`;
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropBenchDatabase(serverUrl, databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^hookgate_bench_\d+(_[a-z]+)?$/.test(name)) throw new Error(`Refusing to drop "${name}"`);
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

module.exports = { findPostgres, createBenchDatabase, dropBenchDatabase, withClient };
