import type { Redis } from 'ioredis';
import { BrokerConnection, reconnectDelayMs } from './broker-connection';

/**
 * A Redis connection for stream appends. ioredis reconnects by itself; commands are not queued
 * while it is down (they fail, and the run is retried), nor sent again after a reconnect
 * (the run's retry does that).
 */
export class RedisConnection extends BrokerConnection {
  private client?: Redis;

  open(): void {
    import('ioredis')
      .then(({ default: RedisClient }) => {
        if (this.closing) return;
        const client = new RedisClient(this.url, {
          connectionName: 'hookgate',
          connectTimeout: 5_000,
          enableOfflineQueue: false,
          autoResendUnfulfilledCommands: false,
          maxRetriesPerRequest: 0,
          retryStrategy: (times) => reconnectDelayMs(times),
        });
        client.on('ready', () => this.markConnected());
        client.on('error', (error) => this.markDown(error));
        client.on('close', () => this.markLost());
        this.client = client;
      })
      .catch((error) => this.markDown(error));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.client?.quit().catch(() => this.client?.disconnect());
  }

  /** XADD `fields` to `key`, trimmed to about `maxLen` entries; resolves with the entry's id. */
  async append(key: string, fields: readonly string[], maxLen?: number): Promise<string> {
    if (this.client?.status !== 'ready') throw this.notConnected();
    const trim = maxLen === undefined ? [] : ['MAXLEN', '~', String(maxLen)];
    const id = await this.client.call('XADD', key, ...trim, '*', ...fields);
    if (typeof id !== 'string') throw new Error(`XADD answered ${JSON.stringify(id)}, not an id`);
    return id;
  }
}
