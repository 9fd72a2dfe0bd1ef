import { Injectable } from '@nestjs/common';
import { matchesType } from './type-pattern';
import type { WebhookEvent } from './webhook-event';

/** One registered handler: a decorated method, or a forward target. */
export interface RegisteredHandler {
  /** Stable name recorded on runs. */
  name: string;
  /** Canonical provider name. */
  provider: string;
  pattern: string;
  endpoint?: string;
  /** Where it was declared (`Class.method`, or the forward config), for error messages. */
  source: string;
  invoke(event: WebhookEvent): Promise<unknown>;
}

/** Which handlers exist, and which of them a delivery needs. */
@Injectable()
export class HandlerRegistry {
  private readonly byName = new Map<string, RegisteredHandler>();

  register(handler: RegisteredHandler): void {
    const existing = this.byName.get(handler.name);
    if (existing) {
      throw new Error(
        `Two webhook handlers are named "${handler.name}" (${existing.source} and ${handler.source}). ` +
          `Give one a unique name: @OnWebhook(provider, pattern, { name: '...' }).`,
      );
    }
    this.byName.set(handler.name, handler);
  }

  get(name: string): RegisteredHandler | undefined {
    return this.byName.get(name);
  }

  all(): RegisteredHandler[] {
    return [...this.byName.values()];
  }

  matching(delivery: { provider: string; endpoint: string; type: string }): RegisteredHandler[] {
    return this.all().filter(
      (h) =>
        h.provider === delivery.provider &&
        (h.endpoint === undefined || h.endpoint === delivery.endpoint) &&
        matchesType(h.pattern, delivery.type),
    );
  }
}
