import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { HookgateConfig } from './config.schema';
import { secretWarnings } from './secret-checks';
import { HOOKGATE_CONFIG, RECEIVER_REGISTRY, type ReceiverRegistry } from './tokens';

/**
 * Logs what the config's secrets look wrong in without being certainly wrong (a Stripe secret
 * without `whsec_`, a short GitHub secret, one secret shared by two providers), once as the
 * app starts, in the app's log format. Certain mistakes stopped start-up in the config loader.
 */
@Injectable()
export class ConfigWarnings implements OnModuleInit {
  private readonly logger = new Logger('Config');

  constructor(
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(RECEIVER_REGISTRY) private readonly receivers: ReceiverRegistry,
  ) {}

  onModuleInit(): void {
    for (const warning of secretWarnings(this.config, this.receivers)) this.logger.warn(warning);
  }
}
