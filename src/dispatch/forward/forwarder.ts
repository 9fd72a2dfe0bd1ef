import { Inject, Injectable } from '@nestjs/common';
import { type ForwardConfig, forwardKind } from '../../config/forward.config';
import { CLOCK, type Clock } from '../../config/tokens';
import { MetricsService } from '../../observability/metrics.service';
import type { ResolvedEndpoint } from '../../pipeline/endpoint.registry';
import type { RegisteredHandler } from '../handler.registry';
import { BrokerConnections } from './broker-connections';
import { AmqpTarget } from './brokers/amqp-target';
import { NatsTarget } from './brokers/nats-target';
import { RedisTarget } from './brokers/redis-target';
import type { ForwardTarget } from './forward-target';
import { HttpTarget } from './http-target';
import { formerForwardTargetName, forwardTargetName } from './target-name';

/**
 * Built-in forwarding: each configured target is a handler of its own (and so its own run,
 * retried on its own), over HTTP or to a broker (docs/forwarding.md).
 */
@Injectable()
export class Forwarder {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly brokers: BrokerConnections,
    private readonly metrics: MetricsService,
  ) {}

  handlerFor(endpoint: ResolvedEndpoint, config: ForwardConfig): RegisteredHandler {
    const name = forwardTargetName(endpoint.id, config);
    const target = this.target(config);
    return {
      name,
      formerName: formerForwardTargetName(endpoint.id, config),
      provider: endpoint.provider,
      endpoint: endpoint.id,
      pattern: config.types ?? '*',
      source: `endpoints[id=${endpoint.id}].forward`,
      invoke: async (event) => {
        try {
          await target.send(event);
        } catch (error) {
          this.metrics.forwardPublished(name, 'failed');
          throw error;
        }
        this.metrics.forwardPublished(name, 'acknowledged');
      },
    };
  }

  private target(config: ForwardConfig): ForwardTarget {
    // The config was validated at load: the URL is one of these kinds.
    switch (forwardKind(config.url)) {
      case 'nats':
        return new NatsTarget(config, this.brokers.nats(config.url));
      case 'amqp':
        return new AmqpTarget(config, this.brokers.amqp(config.url));
      case 'redis':
        return new RedisTarget(config, this.brokers.redis(config.url));
      default:
        return new HttpTarget(config, this.clock);
    }
  }
}
