import SwaggerParser from '@apidevtools/swagger-parser';
import { AdminSecurityModule } from '../../src/admin/admin-security.module';
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

  it('is served at /admin/docs-json, /admin/docs-yaml and /admin/docs with the admin token', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const json = await t.http().get('/admin/docs-json').set(auth);
    expect(json.status).toBe(200);
    expect(json.body.info.title).toBe('Hookgate admin API');
    expect((await t.http().get('/admin/docs').set(auth)).status).toBe(200);
    const yaml = await t.http().get('/admin/docs-yaml').set(auth);
    expect(yaml.status).toBe(200);
    expect(yaml.text).toContain('Hookgate admin API');
    expect(JSON.stringify(json.body)).not.toContain(ADMIN_TOKEN);
  });

  it.each(['/admin/docs', '/admin/docs/', '/admin/docs-json', '/admin/docs-yaml'])(
    'answers %s with 401 without the token or with a wrong one, and never the document',
    async (path) => {
      for (const headers of [{}, { authorization: `Bearer ${ADMIN_TOKEN}x` }]) {
        const res = await t.http().get(path).set(headers);
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ statusCode: 401 });
        expect(res.text).not.toContain('Hookgate admin API');
      }
    },
  );
});

describe('admin OpenAPI document without an admin token configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    const config = testConfig({ admin: {} });
    t = await createTestApp(config, {
      beforeInit: (app) => setupAdminDocs(app, validateConfig(config)),
    });
  });
  afterAll(() => t.close());

  it.each(['/admin/docs', '/admin/docs-json', '/admin/docs-yaml'])(
    'is not served at %s (404), as the admin API is not',
    async (path) => {
      const res = await t.http().get(path).set('authorization', `Bearer ${ADMIN_TOKEN}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Hookgate admin API');
      expect((await t.http().get('/admin/deliveries')).status).toBe(404);
    },
  );
});

describe('admin OpenAPI document behind the admin surface headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    const config = testConfig();
    t = await createTestApp(config, {
      imports: [AdminSecurityModule],
      beforeInit: (app) => setupAdminDocs(app, validateConfig(config)),
    });
  });
  afterAll(() => t.close());

  it.each([true, false])('carries helmet headers (token sent: %s)', async (authorized) => {
    const req = t.http().get('/admin/docs-json');
    const res = authorized ? await req.set('authorization', `Bearer ${ADMIN_TOKEN}`) : await req;
    expect(res.status).toBe(authorized ? 200 : 401);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
