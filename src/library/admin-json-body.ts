import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { json } from 'express';
import { sendError } from '../errors/http-error.filter';

/**
 * The admin write API's small JSON bodies, when the host has not parsed them already. A bad
 * body is answered here (400, 413): middleware errors reach only the app's global filters, and
 * Hookgate adds none to a host.
 */
@Injectable()
export class AdminJsonBody implements NestMiddleware {
  private readonly logger = new Logger('Http');
  private readonly parse = json({ limit: '64kb' });

  use(req: Request, res: Response, next: NextFunction): void {
    this.parse(req, res, (error?: unknown) => {
      if (error) sendError(error, req, res, this.logger);
      else next();
    });
  }
}
