import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/config.loader';
import { HandlerRegistry } from '../../src/dispatch/handler.registry';
import {
  HandlerModuleFolder,
  handlerClass,
  paramTypes,
} from '../../src/handler-loading/handler-module-fixtures';
import { serveWebhooksBeforeExpress } from '../../src/pipeline/webhook-fast-path';
import { githubHeaders } from '../helpers/github';
import { waitFor } from '../helpers/test-app';

const SECRET = 'config-handlers-github-secret';
const DELIVERY_QUERIES = join(__dirname, '..', '..', 'src', 'store', 'delivery.queries');

type Handled = [string, string, ...unknown[]][];

/**
 * The ready gateway booted from a config file whose `handlers` glob names a JavaScript module
 * in the config's folder: a signed delivery reaches that module's handler, with its injections.
 */
describe('handlers from the config (gateway)', () => {
  const folder = new HandlerModuleFolder();
  let app: NestExpressApplication;

  beforeAll(async () => {
    (globalThis as { __handled?: Handled }).__handled = [];
    folder.write(
      'handlers/recorder.js',
      [
        `const { DeliveryQueries } = require(${JSON.stringify(DELIVERY_QUERIES)});`,
        'class Clock { now() { return "tick"; } }',
        'class Recorder {',
        '  constructor(clock, queries) { this.clock = clock; this.queries = queries; }',
        '  onPush(event) {',
        '    globalThis.__handled.push([event.id, event.type, this.clock.now(),',
        '      this.queries instanceof DeliveryQueries]);',
        '  }',
        '}',
        "OnWebhook('github', 'push', { endpoint: 'acme' })(Recorder.prototype, 'onPush',",
        "  Object.getOwnPropertyDescriptor(Recorder.prototype, 'onPush'));",
        paramTypes('Recorder', ['Clock', 'DeliveryQueries']),
        'module.exports = { Recorder, Clock };',
      ].join('\n'),
    );
    folder.write('handlers/other.js', handlerClass('StripeOnly', 'stripe', '*'));
    const configFile = join(folder.dir, 'hookgate.yaml');
    writeFileSync(
      configFile,
      [
        'database: { url: "sqlite::memory:" }',
        'dispatch: { pollIntervalMs: 20 }',
        'endpoints:',
        `  - { provider: github, id: acme, secrets: ["${SECRET}"] }`,
        'handlers: ["./handlers/*.js"]',
      ].join('\n'),
    );
    const loaded = loadConfig({ HOOKGATE_CONFIG: configFile });
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loaded, { logDestination: silent })],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    serveWebhooksBeforeExpress(app);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    folder.remove();
  });

  it('runs the loaded handler for a signed delivery, with its dependencies injected', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', commits: [] });
    const response = await request(app.getHttpServer())
      .post('/webhooks/github/acme')
      .set(githubHeaders(SECRET, body, 'push', 'config-handlers-1'))
      .serialize((data: unknown) => data as string)
      .send(Buffer.from(body));
    expect(response.status).toBe(200);
    const handled = await waitFor(
      () => (globalThis as { __handled?: Handled }).__handled?.[0],
      10_000,
      'the loaded handler to run',
    );
    expect(handled!.slice(1)).toEqual(['push', 'tick', true]);
    expect((globalThis as { __handled?: Handled }).__handled).toHaveLength(1);
  });

  it('registers the loaded classes instead of the example handlers', () => {
    const names = app
      .get(HandlerRegistry)
      .all()
      .map((handler) => handler.name);
    expect(names.sort()).toEqual(['Recorder.onPush', 'StripeOnly.onEvent']);
  });
});
