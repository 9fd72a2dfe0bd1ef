import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Client, type Notification } from 'pg';
import type { HookgateConfig } from '../../config/config.schema';
import { HOOKGATE_CONFIG } from '../../config/tokens';
import { StoreEvents } from '../store-events';

/** The channel every Hookgate process on the database uses to say "new work was committed". */
export const STORED_CHANNEL = 'hookgate_stored';
const RECONNECT_MS = 1000;

/**
 * Prompt dispatch across processes on PostgreSQL: local commits are relayed with NOTIFY, and
 * processes that run workers LISTEN and poke them through StoreEvents. It has a dedicated
 * connection, outside the pool, so the request path never waits for it. It is only a wake-up:
 * while the connection is down, workers fall back to polling and nothing is lost.
 */
@Injectable()
export class PgNotify implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PgNotify');
  /** The newest connection (possibly still connecting), and the one ready to use. */
  private latest: Client | null = null;
  private ready: Client | null = null;
  /** This connection's backend pid: our own NOTIFYs come back to us and are ignored. */
  private ownPid = 0;
  private unsent = 0;
  private sending = false;
  /** Notifications may have been missed while the connection was down. */
  private missedSome = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    private readonly events: StoreEvents,
  ) {}

  private get listens(): boolean {
    return this.config.dispatch.enabled;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.events.onStored((count, origin, work) => {
      if (origin === 'local' && work !== 'none') this.publish(count);
    });
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.latest;
    this.latest = this.ready = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'hookgate-notify',
      // Start-up waits for LISTEN; an unreachable server must not hold it for a TCP timeout.
      connectionTimeoutMillis: 5_000,
    });
    this.latest = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.received(message));
    try {
      await client.connect();
      this.ownPid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      if (this.listens) await client.query(`LISTEN ${STORED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.closed || client !== this.latest) return void client.end().catch(() => undefined);
    this.ready = client;
    if (this.missedSome) {
      this.missedSome = false;
      this.logger.log('LISTEN/NOTIFY connection is back');
      this.events.notifyStored(1, 'remote');
    }
  }

  /** Connection gone: workers poll meanwhile; reconnect, then wake them once for what we missed. */
  private lost(client: Client, error?: Error): void {
    if (client !== this.latest) return; // a late event from a client already replaced
    if (!this.missedSome && !this.closed) {
      const reason = error ? ` (${error.message})` : '';
      this.logger.warn(`LISTEN/NOTIFY connection lost${reason}; workers poll until it is back`);
    }
    this.ready = null;
    this.unsent = 0;
    this.missedSome = true;
    client.end().catch(() => undefined);
    if (!this.closed && !this.reconnectTimer) {
      this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_MS);
    }
  }

  private received(message: Notification): void {
    if (message.channel !== STORED_CHANNEL || message.processId === this.ownPid) return;
    this.events.notifyStored(Number(message.payload) || 1, 'remote');
  }

  /** At most one NOTIFY in flight; commits that land meanwhile share the next one. */
  private publish(count: number): void {
    if (!this.ready) return;
    this.unsent += count;
    if (!this.sending) void this.sendUnsent();
  }

  private async sendUnsent(): Promise<void> {
    this.sending = true;
    while (this.ready && this.unsent > 0) {
      const count = this.unsent;
      this.unsent = 0;
      try {
        await this.ready.query('SELECT pg_notify($1, $2)', [STORED_CHANNEL, String(count)]);
      } catch {
        break; // the connection's error handler reconnects; polling covers the gap
      }
    }
    this.sending = false;
  }
}
