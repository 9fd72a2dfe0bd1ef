import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { HookgateConfig } from '../config/config.schema';

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
 * Serve the admin API's docs at /admin/docs (UI) and /admin/docs-json, only when the admin API
 * exists (a token is configured).
 */
export function setupAdminDocs(app: INestApplication, config: HookgateConfig): void {
  if (!config.admin.token) return;
  SwaggerModule.setup(ADMIN_DOCS_PATH, app, () => adminOpenApiDocument(app), {
    jsonDocumentUrl: `${ADMIN_DOCS_PATH}-json`,
    yamlDocumentUrl: `${ADMIN_DOCS_PATH}-yaml`,
  });
}
