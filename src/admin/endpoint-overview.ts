import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../config/tokens';
import type { DeliveryOutcome } from '../observability/metrics.service';
import { MetricsService } from '../observability/metrics.service';
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { StoreActivity } from '../store/dashboard/store-activity';
import type { EndpointView } from './endpoints.dto';

const HOUR_MS = 3_600_000;
/** Outcomes that are not refusals: the request was answered as the provider wanted. */
const ANSWERED: ReadonlySet<DeliveryOutcome> = new Set(['accepted', 'duplicate', 'handshake']);

/**
 * Every configured endpoint with its traffic: the store's last delivery and hourly count, and
 * this process's own counters for refusals and matching secrets (GET /admin/endpoints).
 * Endpoints are keyed by provider and id together.
 */
@Injectable()
export class EndpointOverview {
  constructor(
    private readonly endpoints: EndpointRegistry,
    private readonly activity: StoreActivity,
    private readonly metrics: MetricsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<EndpointView[]> {
    const configured = this.endpoints.all();
    const since = new Date(this.clock.now().getTime() - HOUR_MS);
    const [traffic, outcomes, matches] = await Promise.all([
      this.activity.endpoints(configured, since),
      this.metrics.deliveryCounts(),
      this.metrics.secretMatchCounts(),
    ]);
    const of = (labels: { provider?: unknown; endpoint?: unknown }, provider: string, id: string) =>
      labels.provider === provider && labels.endpoint === id;
    return configured.map(({ provider, id, secrets, publicUrl }) => {
      const refusals: Record<string, number> = {};
      for (const { labels, value } of outcomes) {
        const outcome = labels.outcome as DeliveryOutcome;
        if (!of(labels, provider, id) || ANSWERED.has(outcome) || value === 0) continue;
        refusals[outcome] = (refusals[outcome] ?? 0) + value;
      }
      // Configured secrets, and any other index that matched (a secret kept from a handshake).
      const counted = new Map<number, number>();
      for (const { labels, value } of matches) {
        if (of(labels, provider, id)) counted.set(Number(labels.secret_index), value);
      }
      const indexes = new Set([...secrets.keys(), ...counted.keys()]);
      const { lastDeliveryAt, recent } = traffic.get(`${provider}/${id}`)!;
      return {
        provider,
        id,
        path: `/webhooks/${provider}/${id}`,
        ...(publicUrl ? { publicUrl } : {}),
        lastDeliveryAt: lastDeliveryAt?.toISOString() ?? null,
        deliveriesLastHour: recent,
        refusals,
        secrets: [...indexes]
          .sort((a, b) => a - b)
          .map((index) => ({
            index,
            matches: counted.get(index) ?? 0,
            lastMatchedAt:
              this.metrics.secretLastMatchedAt(provider, id, index)?.toISOString() ?? null,
          })),
      };
    });
  }
}
