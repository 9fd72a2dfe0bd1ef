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

/**
 * Resolves `/webhooks/{provider}/{endpointId}` to a configured endpoint. The URL is the key: an
 * endpoint id is unique per provider, so `github/main` and `stripe/main` are two endpoints.
 */
@Injectable()
export class EndpointRegistry {
  private readonly byUrl = new Map<string, ResolvedEndpoint>();
  /** Every receiver by its name and by each alias: looked up on every request. */
  private readonly byName = new Map<string, Receiver<unknown>>();
  /**
   * Lower-case names of every header a receiver (`secretHeaders`) or a configured endpoint
   * (`secretHeadersFor`, the `token` provider's `options.header`) treats as a secret.
   */
  readonly secretHeaders: ReadonlySet<string>;

  constructor(
    @Inject(HOOKGATE_CONFIG) config: HookgateConfig,
    @Inject(RECEIVER_REGISTRY) receivers: ReceiverRegistry,
  ) {
    for (const receiver of [...receivers].reverse()) {
      // Reversed, so the first receiver claiming a name wins, as findReceiver's search does.
      for (const name of [receiver.name, ...(receiver.aliases ?? [])]) {
        this.byName.set(name, receiver);
      }
    }
    for (const endpoint of config.endpoints) {
      const resolved = resolve(endpoint, receivers);
      this.byUrl.set(endpointKey(resolved.provider, resolved.id), resolved);
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
    return this.byName.get(provider);
  }

  /** The endpoint `id` of `provider` (by name or alias), if it is configured. */
  find(provider: string, id: string): ResolvedEndpoint | undefined {
    const receiver = this.receiver(provider);
    return receiver ? this.byUrl.get(endpointKey(receiver.name, id)) : undefined;
  }

  all(): ResolvedEndpoint[] {
    return [...this.byUrl.values()];
  }
}

/** Provider names hold no `/` (they are URL path segments), so this key is unambiguous. */
function endpointKey(provider: string, id: string): string {
  return `${provider}/${id}`;
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
