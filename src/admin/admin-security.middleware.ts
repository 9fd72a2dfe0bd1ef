import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's protective headers on every /admin response (including 401, 404 and 429): no MIME
 * sniffing, no framing, a strict CSP, no referrer leaks, HSTS when served over TLS. The webhook
 * edge keeps its own headers: providers ignore them and some handshakes define the answer.
 */
@Injectable()
export class AdminSecurityMiddleware implements NestMiddleware {
  private readonly headers = helmet();

  use(req: Request, res: Response, next: NextFunction): void {
    this.headers(req, res, next);
  }
}
