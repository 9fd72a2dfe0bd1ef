import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { RECEIVER_REGISTRY, type ReceiverRegistry } from '../config/tokens';
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { Forwarder } from './forward/forwarder';
import { checkHandlerMetadata } from './handler-checks';
import { HandlerRegistry } from './handler.registry';
import { ON_WEBHOOK, type OnWebhookMetadata } from './on-webhook.decorator';
import type { WebhookEvent } from './webhook-event';

/** A handler class that cannot work: start-up stops with a message naming it. */
export class InvalidHandlerError extends Error {
  override name = 'InvalidHandlerError';
}

/**
 * Finds every `@OnWebhook` method in the app at start-up, checks it, and registers it; then
 * registers one handler per configured forward target.
 */
@Injectable()
export class WebhookExplorer implements OnModuleInit {
  private readonly logger = new Logger('Dispatch');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly handlers: HandlerRegistry,
    private readonly endpoints: EndpointRegistry,
    private readonly forwarder: Forwarder,
    @Inject(RECEIVER_REGISTRY) private readonly receivers: ReceiverRegistry,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) this.explore(wrapper);
    for (const endpoint of this.endpoints.all()) {
      for (const target of endpoint.forward) {
        this.handlers.register(this.forwarder.handlerFor(endpoint, target));
      }
    }
    const names = this.handlers
      .all()
      .map(
        (h) =>
          `${h.name} (${h.provider} ${[h.pattern].flat().join(' ')}${h.reply ? ', replies' : ''})`,
      );
    this.logger.log(`Webhook handlers: ${names.length ? names.join(', ') : 'none'}`);
  }

  private explore(wrapper: InstanceWrapper): void {
    const { instance } = wrapper;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) return;
    const prototype = Object.getPrototypeOf(instance);
    for (const method of this.scanner.getAllMethodNames(prototype)) {
      const entries: OnWebhookMetadata[] | undefined = Reflect.getMetadata(
        ON_WEBHOOK,
        prototype[method],
      );
      entries?.forEach((meta) => this.register(instance, method, meta, entries.length > 1));
    }
  }

  private register(
    instance: object,
    method: string,
    meta: OnWebhookMetadata,
    several: boolean,
  ): void {
    const where = `${instance.constructor.name}.${method}`;
    const fail = (problem: string): never => {
      throw new InvalidHandlerError(`Webhook handler ${where}: ${problem}`);
    };
    const checked = checkHandlerMetadata(meta, this.receivers, (receiverName, id) =>
      Boolean(this.endpoints.find(receiverName, id)),
    );
    if ('problem' in checked) return fail(checked.problem);
    const { receiver } = checked;
    // Two decorators on one method need distinct default names.
    const name = meta.name ?? (several ? `${where}[${meta.provider}:${meta.pattern}]` : where);
    const bound = (instance as Record<string, (event: WebhookEvent) => unknown>)[method].bind(
      instance,
    );
    try {
      this.handlers.register({
        name,
        provider: receiver.name,
        pattern: meta.pattern,
        endpoint: meta.endpoint,
        source: where,
        reply: meta.reply === true,
        invoke: async (event) => bound(event),
      });
    } catch (error) {
      fail((error as Error).message);
    }
  }
}
