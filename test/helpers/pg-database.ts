import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the PostgreSQL tests use; its `postgres` database is only used to create others. */
export function pgServerUrl(): string {
  return process.env.TEST_PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Create an empty database `hookgate_test_<random>` and return its URL. */
export async function createTestDatabase(server = pgServerUrl()): Promise<string> {
  const name = `hookgate_test_${randomBytes(6).toString('hex')}`;
  await withClient(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drop a database made by createTestDatabase, closing whatever connections are left on it. */
export async function dropTestDatabase(url: string, server = pgServerUrl()): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^hookgate_test_[0-9a-f]+$/.test(name)) throw new Error(`Refusing to drop "${name}".`);
  await withClient(server, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

/**
 * A fresh schema in the test database, and the URL that makes it the connection's search_path:
 * every test app gets an empty store without the cost of a database per app.
 */
export async function isolatedSchemaUrl(databaseUrl: string): Promise<string> {
  const schema = `app_${randomBytes(6).toString('hex')}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export function hasOwnSchema(url: string): boolean {
  return new URL(url).searchParams.has('options');
}
