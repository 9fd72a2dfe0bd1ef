import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A connection taken from TypeORM's pool; `broken` is set when it fails while held. */
export interface HeldConnection {
  readonly client: PoolClient;
  broken?: Error;
}

/**
 * Run `work` on one connection of the data source's pool, for what TypeORM's query() cannot
 * send (several statements in one text, named prepared statements). A connection that fails
 * while held (killed by the server) reports it here, where unheard it would crash the process;
 * such a connection, or one `work` marked broken, is discarded instead of returned to the pool.
 */
export async function withPooledConnection<T>(
  dataSource: DataSource,
  work: (held: HeldConnection) => Promise<T>,
): Promise<T> {
  const driver = dataSource.driver as PostgresDriver;
  const [client, release] = (await driver.obtainMasterConnection()) as [
    PoolClient,
    (error?: Error) => void,
  ];
  const held: HeldConnection = { client };
  const onConnectionError = (error: Error) => (held.broken = error);
  client.on('error', onConnectionError);
  try {
    return await work(held);
  } finally {
    client.removeListener('error', onConnectionError);
    release(held.broken);
  }
}
