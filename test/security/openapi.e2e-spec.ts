import SwaggerParser from '@apidevtools/swagger-parser';
import { adminOpenApiDocument, setupAdminDocs } from '../../src/admin/admin-docs';
import { validateConfig } from '../../src/config/config.loader';
import { ADMIN_TOKEN, createTestApp, testConfig, TestApp } from '../helpers/test-app';

/** Every route the app actually registered under /admin, as "METHOD /path/{param}". */
function registeredAdminRoutes(t: TestApp): string[] {
  const router = t.app.getHttpAdapter().getInstance().router as {
    stack: { route?: { path: string; methods: Record<string, boolean> } }[];
  };
  // Route-level middleware shows up as extra layers: the admin JSON parser (same paths:
  // de-duplicated) and helmet on `/admin/*path` (a wildcard, not a route: skipped). The
  // dashboard's static files (/admin/ui) and the docs are pages, not API.
  const routes = router.stack
    .filter(
      (layer) =>
        layer.route?.path.startsWith('/admin/') &&
        !layer.route.path.startsWith('/admin/docs') &&
        !layer.route.path.startsWith('/admin/ui') &&
        !layer.route.path.includes('*'),
    )
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map(
        (method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    );
  return [...new Set(routes)];
}

describe('admin OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    const config = testConfig();
    t = await createTestApp(config, {
      beforeInit: (app) => setupAdminDocs(app, validateConfig(config)),
    });
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI document that covers every admin route', async () => {
    const document = adminOpenApiDocument(t.app);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = registeredAdminRoutes(t);
    expect(routes.length).toBeGreaterThanOrEqual(5);
    expect(documented.sort()).toEqual(routes.sort());
    expect(documented).toEqual(
      expect.arrayContaining(['GET /admin/deliveries', 'POST /admin/runs/replay']),
    );
    // Webhooks and health are not part of the admin API's document.
    expect(
      Object.keys(document.paths).some((p) => p.startsWith('/webhooks') || p.startsWith('/health')),
    ).toBe(false);
  });

  it('describes the Delivery shape of DESIGN §3 and the bearer scheme', () => {
    const document = adminOpenApiDocument(t.app);
    const delivery = document.components!.schemas!.DeliveryView as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(delivery.properties).sort()).toEqual(
      [
        'attempts',
        'endpoint',
        'id',
        'provider',
        'providerDeliveryId',
        'receivedAt',
        'status',
        'type',
      ].sort(),
    );
    expect(document.components!.securitySchemes!.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('is served at /admin/docs-json and /admin/docs', async () => {
    const json = await t.http().get('/admin/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.info.title).toBe('Hookgate admin API');
    expect((await t.http().get('/admin/docs')).status).toBe(200);
    expect(JSON.stringify(json.body)).not.toContain(ADMIN_TOKEN);
  });
});
