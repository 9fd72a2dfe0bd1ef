import { Global, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { validateConfig } from '../config/config.loader';
import { HandlerRegistry } from '../dispatch/handler.registry';
import { HookgateModule } from '../hookgate.module';
import { MetricsService } from '../observability/metrics.service';
import { PipelineService } from '../pipeline/pipeline.service';
import { DeliveryQueries } from '../store/delivery.queries';
import { injectableTokens } from './injectable-tokens';

class Hidden {}
class Shared {}
class GloballyShared {}

@Global()
@Module({ providers: [GloballyShared], exports: [GloballyShared] })
class DeepGlobal {}

@Module({ imports: [DeepGlobal], providers: [Shared, Hidden], exports: [Shared] })
class Inner {}

@Module({ imports: [Inner], exports: [Inner] })
class Outer {}

describe('injectableTokens', () => {
  it('follows re-exported modules and global modules, not what a module keeps to itself', () => {
    const tokens = injectableTokens([Outer]);
    expect(tokens.has(Shared)).toBe(true);
    expect(tokens.has(GloballyShared)).toBe(true);
    expect(tokens.has(Hidden)).toBe(false);
    expect(tokens.has(ModuleRef)).toBe(true);
  });

  it("sees what HookgateModule exports to the gateway's handlers", () => {
    const config = validateConfig({
      database: { url: 'sqlite::memory:' },
      endpoints: [{ provider: 'github', id: 'a', secrets: ['s'] }],
    });
    const tokens = injectableTokens([HookgateModule.forRoot(config)]);
    for (const exported of [DeliveryQueries, HandlerRegistry, MetricsService, HOOKGATE_CONFIG]) {
      expect(tokens.has(exported)).toBe(true);
    }
    expect(tokens.has(PipelineService)).toBe(false);
  });
});
