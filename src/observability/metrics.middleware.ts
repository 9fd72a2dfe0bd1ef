import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { timingSafeEqualAny } from '../receivers/shared/timing-safe';
import { MetricsService } from './metrics.service';

/**
 * Serves Prometheus text. A middleware rather than a controller, so the path comes from the
 * config (`metrics.path`) without rewriting route metadata.
 */
@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const token = this.config.metrics.token;
    if (token) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!match || !timingSafeEqualAny(match[1], token)) {
        res
          .status(401)
          .json({ error: 'unauthorized', message: 'A valid metrics bearer token is required.' });
        return;
      }
    }
    this.metrics.registry
      .metrics()
      .then((text) =>
        res
          .status(200)
          .type(this.metrics.registry.contentType)
          .set('Cache-Control', 'no-store')
          .send(text),
      )
      .catch(next);
  }
}
