import { Logger, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { HookgateConfig } from '../config/config.schema';
import { sendError } from '../errors/http-error.filter';
import { AdminAuthThrottle } from './admin-auth-throttle';
import { AdminSecurityMiddleware } from './admin-security.middleware';
import { authorizeAdmin } from './admin-token.guard';

export const ADMIN_DOCS_PATH = 'admin/docs';

/** The admin API's OpenAPI document, built from the controllers' decorators. */
export function adminOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Hookgate admin API')
    .setDescription(
      'Inspect, replay and retry webhook deliveries. Every route needs the admin bearer token.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serve the admin API's docs at /admin/docs (UI), /admin/docs-json and /admin/docs-yaml, only
 * when the admin API exists (a token is configured), and behind that token like every admin
 * route: the document lists every route an attacker could try.
 */
export function setupAdminDocs(app: INestApplication, config: HookgateConfig): void {
  const token = config.admin.token;
  if (!token) return;
  // The failed-login counter the admin API's guard uses, so guesses here count there too.
  const throttle = app.get(AdminAuthThrottle, { strict: false });
  const logger = new Logger('Http');
  const paths = [ADMIN_DOCS_PATH, `${ADMIN_DOCS_PATH}-json`, `${ADMIN_DOCS_PATH}-yaml`];
  // These routes are plain express routes, registered before Nest's middleware runs: they get
  // the admin surface's headers here, then the token check, before SwaggerModule's handlers.
  const securityHeaders = new AdminSecurityMiddleware();
  app.use(
    paths.map((path) => `/${path}`),
    (req: Request, res: Response, next: NextFunction) => {
      securityHeaders.use(req, res, () =>
        authorizeAdmin(req, res, token, throttle).then(
          () => next(),
          (error: unknown) => sendError(error, req, res, logger),
        ),
      );
    },
  );
  SwaggerModule.setup(ADMIN_DOCS_PATH, app, () => adminOpenApiDocument(app), {
    jsonDocumentUrl: `${ADMIN_DOCS_PATH}-json`,
    yamlDocumentUrl: `${ADMIN_DOCS_PATH}-yaml`,
  });
}
