import { Inject, Injectable } from '@nestjs/common';
import type { EndpointConfig, ForwardConfig, HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG, RECEIVER_REGISTRY, type ReceiverRegistry } from '../config/tokens';
import { replyDeadlineMs } from '../config/reply-deadline';
import type { Receiver } from '../receivers/receiver';
import { findReceiver } from '../receivers/receivers';

/** A configured endpoint joined with its receiver and its parsed options. */
export interface ResolvedEndpoint {
  readonly id: string;
  /** The receiver's canonical name (an alias in the URL resolves to it). */
  readonly provider: string;
  readonly receiver: Receiver<unknown>;
  readonly secrets: readonly string[];
  readonly options: unknown;
  readonly publicUrl?: string;
  readonly forward: readonly ForwardConfig[];
  /** How long its reply handler has, from the request's arrival; none where replies are not read. */
  readonly replyDeadlineMs?: number;
}

/** Resolves `/webhooks/{provider}/{endpointId}` to a configured endpoint. */
@Injectable()
export class EndpointRegistry {
  private readonly byId = new Map<string, ResolvedEndpoint>();
  /**
   * Lower-case names of every header a receiver (`secretHeaders`) or a configured endpoint
   * (`secretHeadersFor`, the `token` provider's `options.header`) treats as a secret.
   */
  readonly secretHeaders: ReadonlySet<string>;

  constructor(
    @Inject(HOOKGATE_CONFIG) config: HookgateConfig,
    @Inject(RECEIVER_REGISTRY) private readonly receivers: ReceiverRegistry,
  ) {
    for (const endpoint of config.endpoints) {
      this.byId.set(endpoint.id, resolve(endpoint, receivers));
    }
    this.secretHeaders = new Set(
      [
        ...receivers.flatMap((receiver) => receiver.secretHeaders ?? []),
        ...this.all().flatMap((e) => e.receiver.secretHeadersFor?.(e.options) ?? []),
      ].map((name) => name.toLowerCase()),
    );
  }

  /** The receiver for a provider name or alias (also for stored deliveries). */
  receiver(provider: string): Receiver<unknown> | undefined {
    return findReceiver(provider, this.receivers);
  }

  /** The endpoint, if `id` exists and belongs to `provider` (by name or alias). */
  find(provider: string, id: string): ResolvedEndpoint | undefined {
    const endpoint = this.byId.get(id);
    if (!endpoint) return undefined;
    const { receiver } = endpoint;
    return receiver.name === provider || receiver.aliases?.includes(provider)
      ? endpoint
      : undefined;
  }

  all(): ResolvedEndpoint[] {
    return [...this.byId.values()];
  }
}

function resolve(endpoint: EndpointConfig, receivers: ReceiverRegistry): ResolvedEndpoint {
  // The config was validated at load, so the receiver exists and the options parse.
  const receiver = findReceiver(endpoint.provider, receivers)!;
  return {
    id: endpoint.id,
    provider: receiver.name,
    receiver,
    secrets: endpoint.secrets,
    options: receiver.parseOptions
      ? receiver.parseOptions(endpoint.options)
      : (endpoint.options ?? {}),
    publicUrl: endpoint.publicUrl,
    forward: endpoint.forward ?? [],
    replyDeadlineMs: replyDeadlineMs(receiver, endpoint.replyDeadlineMs),
  };
}
