import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ObservabilityModule } from '../observability/observability.module';
import { DispatchWorker } from './worker/dispatch.worker';
import { BrokerConnections } from './forward/broker-connections';
import { Forwarder } from './forward/forwarder';
import { HandlerRegistry } from './handler.registry';
import { ReplyRuns } from './reply/reply-runs';
import { WebhookExplorer } from './webhook.explorer';

/** Handlers, runs and the worker. */
@Module({
  imports: [DiscoveryModule, ObservabilityModule],
  providers: [
    HandlerRegistry,
    BrokerConnections,
    Forwarder,
    WebhookExplorer,
    DispatchWorker,
    ReplyRuns,
  ],
  exports: [HandlerRegistry, DispatchWorker, ReplyRuns, BrokerConnections],
})
export class DispatchModule {}
