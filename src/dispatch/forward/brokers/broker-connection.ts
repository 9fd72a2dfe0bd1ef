import type { Logger } from '@nestjs/common';
import { displayUrl, withoutUrlSecrets } from '../target-name';

export type BrokerStatus = 'connecting' | 'connected' | 'down';

/** What readiness and the metrics show of one broker connection. */
export interface BrokerState {
  /** The broker's URL without credentials. */
  broker: string;
  status: BrokerStatus;
  /** When the status last changed. */
  since: Date;
  /** Why it is down (credentials masked). */
  error?: string;
}

/** The longest wait between two attempts to reconnect to a broker. */
export const MAX_RECONNECT_DELAY_MS = 5_000;

/** Reconnect delays: 0.5 s, doubling, at most MAX_RECONNECT_DELAY_MS. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(500 * 2 ** Math.max(0, failures - 1), MAX_RECONNECT_DELAY_MS);
}

/**
 * One connection to a broker, kept for the life of the process: opened at start-up, reused by
 * every target on that URL, reconnecting by itself. Sends while it is not connected fail at
 * once, so the run is retried with backoff; the edge never waits for a broker.
 */
export abstract class BrokerConnection {
  protected closing = false;
  private current: Omit<BrokerState, 'broker'> = { status: 'connecting', since: new Date() };

  /** `broker`: how it is shown, the URL without credentials unless told otherwise. */
  constructor(
    protected readonly url: string,
    protected readonly logger: Pick<Logger, 'log' | 'warn'>,
    readonly broker: string = displayUrl(url),
  ) {}

  /** Start connecting in the background. */
  abstract open(): void;
  /** Close for good (shutdown). */
  abstract close(): Promise<void>;

  state(): BrokerState {
    return { broker: this.broker, ...this.current };
  }

  protected markConnected(): void {
    if (this.current.status === 'connected') return;
    this.current = { status: 'connected', since: new Date() };
    this.logger.log(`Broker ${this.broker} connected`);
  }

  /** Record why the connection is down; logged once per change, not at every retry. */
  protected markDown(error: unknown): void {
    if (this.closing) return;
    const message = this.describe(error);
    if (this.current.status === 'down' && this.current.error === message) return;
    this.current = { status: 'down', since: new Date(), error: message };
    this.logger.warn(`Broker ${this.broker} is down (${message}); reconnecting`);
  }

  /** The connection went away without an error of its own (one already logged is kept). */
  protected markLost(): void {
    if (this.current.status === 'connected') this.markDown(new Error('the connection closed'));
  }

  /** An error's message with the URL's credentials masked (client libraries may quote them). */
  describe(error: unknown): string {
    const nested = (error as { errors?: unknown[] } | undefined)?.errors;
    const text =
      error instanceof Error
        ? error.message ||
          (Array.isArray(nested) ? nested.map((e) => (e as Error).message).join('; ') : '') ||
          error.name
        : String(error);
    return withoutUrlSecrets(text, this.url);
  }

  /** The error a send gets while the connection is not up. */
  protected notConnected(): Error {
    const { status, error } = this.current;
    return new Error(
      `${this.broker} is not connected (${status === 'down' ? `down: ${error}` : 'connecting'})`,
    );
  }
}
