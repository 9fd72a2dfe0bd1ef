import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { HookgateConfig } from '../../config/config.schema';
import { HOOKGATE_CONFIG } from '../../config/tokens';
import { MetricsService } from '../../observability/metrics.service';
import { AmqpConnection } from './brokers/amqp-connection';
import type { BrokerConnection, BrokerState } from './brokers/broker-connection';
import { NatsConnection } from './brokers/nats-connection';
import { RedisConnection } from './brokers/redis-connection';
import { displayUrl } from './target-name';

/**
 * The broker connections of this process: one per broker URL, shared by the targets on it.
 * Opened at start-up in a process that runs workers (an edge-only process never publishes, so
 * it never loads a broker client), closed after the worker stopped.
 */
@Injectable()
export class BrokerConnections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Forward');
  private readonly byUrl = new Map<string, BrokerConnection>();

  constructor(
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    private readonly metrics: MetricsService,
  ) {}

  nats(url: string): NatsConnection {
    return this.kept(url, NatsConnection);
  }

  amqp(url: string): AmqpConnection {
    return this.kept(url, AmqpConnection);
  }

  redis(url: string): RedisConnection {
    return this.kept(url, RedisConnection);
  }

  /** Each broker's state, for readiness and the metrics. */
  states(): BrokerState[] {
    return [...this.byUrl.values()].map((connection) => connection.state());
  }

  get configured(): boolean {
    return this.byUrl.size > 0;
  }

  onApplicationBootstrap(): void {
    if (!this.config.dispatch.enabled || !this.configured) return;
    for (const connection of this.byUrl.values()) connection.open();
    this.metrics.watchBrokers(() => this.states());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.byUrl.values()].map((connection) => connection.close()));
  }

  private kept<C extends BrokerConnection>(
    url: string,
    Kind: new (url: string, logger: Logger, broker: string) => C,
  ): C {
    let connection = this.byUrl.get(url);
    if (!connection) {
      connection = new Kind(url, this.logger, this.uniqueLabel(displayUrl(url)));
      this.byUrl.set(url, connection);
    }
    return connection as C;
  }

  /** Two URLs that differ only in credentials are two connections: number the second. */
  private uniqueLabel(shown: string): string {
    const taken = new Set([...this.byUrl.values()].map((connection) => connection.broker));
    let label = shown;
    for (let n = 2; taken.has(label); n++) label = `${shown} (${n})`;
    return label;
  }
}
