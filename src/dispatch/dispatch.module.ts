import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ObservabilityModule } from '../observability/observability.module';
import { StoreModule } from '../store/store.module';
import { DispatchWorker } from './worker/dispatch.worker';
import { Forwarder } from './forward/forwarder';
import { HandlerRegistry } from './handler.registry';
import { RunStore } from './run.store';
import { WebhookExplorer } from './webhook.explorer';

/** Handlers, runs and the worker. */
@Module({
  imports: [DiscoveryModule, StoreModule, ObservabilityModule],
  providers: [HandlerRegistry, RunStore, Forwarder, WebhookExplorer, DispatchWorker],
  exports: [HandlerRegistry, RunStore, DispatchWorker],
})
export class DispatchModule {}
