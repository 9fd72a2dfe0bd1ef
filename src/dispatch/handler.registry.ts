import { Injectable } from '@nestjs/common';
import { matchesType } from './type-pattern';
import type { WebhookEvent } from './webhook-event';

/** One registered handler: a decorated method, or a forward target. */
export interface RegisteredHandler {
  /** Stable name recorded on runs. */
  name: string;
  /** Canonical provider name. */
  provider: string;
  /** A type pattern, or several of which any may match (a forward target's `types`). */
  pattern: string | readonly string[];
  endpoint?: string;
  /** A name its runs may have been recorded under before (a forward target's, before an upgrade). */
  formerName?: string;
  /** Where it was declared (`Class.method`, or the forward config), for error messages. */
  source: string;
  invoke(event: WebhookEvent): Promise<unknown>;
}

/** Which handlers exist, and which of them a delivery needs. */
@Injectable()
export class HandlerRegistry {
  private readonly byName = new Map<string, RegisteredHandler>();
  private readonly byFormerName = new Map<string, RegisteredHandler>();

  register(handler: RegisteredHandler): void {
    const existing = this.byName.get(handler.name);
    if (existing) {
      throw new Error(
        `Two webhook handlers are named "${handler.name}" (${existing.source} and ${handler.source}). ` +
          `Give one a unique name: @OnWebhook(provider, pattern, { name: '...' }).`,
      );
    }
    this.byName.set(handler.name, handler);
    if (handler.formerName) this.byFormerName.set(handler.formerName, handler);
  }

  get(name: string): RegisteredHandler | undefined {
    return this.byName.get(name) ?? this.byFormerName.get(name);
  }

  all(): RegisteredHandler[] {
    return [...this.byName.values()];
  }

  matching(delivery: { provider: string; endpoint: string; type: string }): RegisteredHandler[] {
    return this.all().filter(
      (h) =>
        h.provider === delivery.provider &&
        (h.endpoint === undefined || h.endpoint === delivery.endpoint) &&
        (typeof h.pattern === 'string'
          ? matchesType(h.pattern, delivery.type)
          : h.pattern.some((pattern) => matchesType(pattern, delivery.type))),
    );
  }
}
