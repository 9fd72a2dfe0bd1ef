import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The dashboard's Content-Security-Policy: everything from the gateway itself and nothing
 * inline, so an injected script or style has nowhere to run. Stricter than /admin's helmet
 * default: no inline styles, no https: sources, no framing at all.
 */
const DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

function dashboardHelmet(upgradeInsecureRequests: boolean) {
  return helmet({
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...DIRECTIVES,
        'upgrade-insecure-requests': upgradeInsecureRequests ? [] : null,
      },
    },
  });
}

/**
 * helmet's headers on /admin/ui as on /admin, with the dashboard's policy. Only a page served
 * over TLS asks for upgrade-insecure-requests: on a plain-HTTP gateway (a closed network) the
 * browser would otherwise rewrite the page's own requests to https and load nothing
 * (https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy/upgrade-insecure-requests).
 */
@Injectable()
export class DashboardSecurityMiddleware implements NestMiddleware {
  private readonly overTls = dashboardHelmet(true);
  private readonly plain = dashboardHelmet(false);

  use(req: Request, res: Response, next: NextFunction): void {
    (req.secure ? this.overTls : this.plain)(req, res, next);
  }
}
