import { Injectable } from '@nestjs/common';
import { matchesType, patternsOverlap } from './type-pattern';
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
  /** Its return value answers the provider (`@OnWebhook(..., { reply: true })`). */
  reply?: boolean;
  invoke(event: WebhookEvent): Promise<unknown>;
}

/**
 * Which handlers exist, and which of them a delivery needs. A name is unique per provider, as an
 * endpoint id is: a run's delivery names its provider, so `forward:main:<url>` of a GitHub and of
 * a Stripe endpoint are two handlers.
 */
@Injectable()
export class HandlerRegistry {
  private readonly byKey = new Map<string, RegisteredHandler>();
  /**
   * Reply handlers by provider, known at start-up: a delivery of a provider without any costs
   * the request path one lookup (see replyHandlerFor).
   */
  private readonly repliesByProvider = new Map<string, RegisteredHandler[]>();
  private readonly byFormerName = new Map<string, RegisteredHandler>();

  register(handler: RegisteredHandler): void {
    const key = handlerKey(handler.provider, handler.name);
    const existing = this.byKey.get(key);
    if (existing) {
      throw new Error(
        `Two webhook handlers are named "${handler.name}" (${existing.source} and ${handler.source}), both for ${handler.provider}. ` +
          `Give one a unique name: @OnWebhook(provider, pattern, { name: '...' }).`,
      );
    }
    if (handler.reply) this.addReplyHandler(handler);
    this.byKey.set(key, handler);
    if (handler.formerName) {
      this.byFormerName.set(handlerKey(handler.provider, handler.formerName), handler);
    }
  }

  /** The one reply handler that answers this delivery, if any. */
  replyHandlerFor(delivery: {
    provider: string;
    endpoint: string;
    type: string;
  }): RegisteredHandler | undefined {
    return this.repliesByProvider
      .get(delivery.provider)
      ?.find(
        (h) =>
          (h.endpoint === undefined || h.endpoint === delivery.endpoint) &&
          matchesAny(h.pattern, delivery.type),
      );
  }

  /** The handler a run names (or named before), for its delivery's provider (or the first of that name). */
  get(name: string, provider?: string): RegisteredHandler | undefined {
    if (provider !== undefined) {
      const key = handlerKey(provider, name);
      return this.byKey.get(key) ?? this.byFormerName.get(key);
    }
    return this.all().find((handler) => handler.name === name || handler.formerName === name);
  }

  all(): RegisteredHandler[] {
    return [...this.byKey.values()];
  }

  matching(delivery: { provider: string; endpoint: string; type: string }): RegisteredHandler[] {
    return this.all().filter(
      (h) =>
        h.provider === delivery.provider &&
        (h.endpoint === undefined || h.endpoint === delivery.endpoint) &&
        matchesAny(h.pattern, delivery.type),
    );
  }

  /** At most one reply handler may answer a delivery: two that could both match stop start-up. */
  private addReplyHandler(handler: RegisteredHandler): void {
    const same = this.repliesByProvider.get(handler.provider) ?? [];
    const rival = same.find(
      (other) =>
        (other.endpoint === undefined ||
          handler.endpoint === undefined ||
          other.endpoint === handler.endpoint) &&
        anyOverlap(other.pattern, handler.pattern),
    );
    if (rival) {
      const where = (h: RegisteredHandler) =>
        `${h.source} ('${h.pattern}'${h.endpoint ? `, endpoint ${h.endpoint}` : ''})`;
      throw new Error(
        `Two reply handlers could answer the same ${handler.provider} delivery: ${where(rival)} and ${where(handler)}. ` +
          `Only one answer can be sent: narrow their type patterns or endpoints so they cannot both match, or drop { reply: true } from one.`,
      );
    }
    this.repliesByProvider.set(handler.provider, [...same, handler]);
  }
}

function handlerKey(provider: string, name: string): string {
  return `${provider}\u0000${name}`;
}

/** A handler's pattern, or any of its patterns (a forward target's `types`), matches `type`. */
function matchesAny(pattern: string | readonly string[], type: string): boolean {
  return typeof pattern === 'string'
    ? matchesType(pattern, type)
    : pattern.some((one) => matchesType(one, type));
}

function anyOverlap(a: string | readonly string[], b: string | readonly string[]): boolean {
  return [a].flat().some((one) => [b].flat().some((other) => patternsOverlap(one, other)));
}
