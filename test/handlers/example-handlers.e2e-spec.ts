import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AppModule } from '../../src/app.module';
import { loadConfig, type LoadedConfig } from '../../src/config/config.loader';
import { HandlerRegistry } from '../../src/dispatch/handler.registry';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { testDatabaseUrl } from '../helpers/test-app';

const EXAMPLES = [
  'DiscordCommandReply.onCommand',
  'GithubPushLogger.onPush',
  'SlackSlashCommandReply.onCommand',
  'StripePaymentHandler.onPaymentSucceeded',
];

/**
 * The example handlers (src/handlers/) run only where someone asked for them: the development
 * config, or `exampleHandlers: true`. A production config gets none of them.
 */
describe('the example handlers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-examples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function storeUrl(): Promise<string> {
    const url = testDatabaseUrl();
    return isPostgresUrl(url) ? isolatedSchemaUrl(url) : url;
  }

  /** The handler names the ready gateway registers for this config. */
  async function registered(loaded: LoadedConfig): Promise<string[]> {
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loaded, { logDestination: silent })],
    }).compile();
    const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    await app.init();
    try {
      return app
        .get(HandlerRegistry)
        .all()
        .map((handler) => handler.name)
        .sort();
    } finally {
      await app.close();
    }
  }

  function configFile(name: string, extra: string[] = []): string {
    const path = join(dir, name);
    writeFileSync(
      path,
      [
        'endpoints:',
        '  - { provider: github, id: main, secrets: ["${GITHUB_SECRET}"] }',
        '  - { provider: stripe, id: main, secrets: ["whsec_example-handlers-test"] }',
        ...extra,
      ].join('\n'),
    );
    return path;
  }

  it('are absent in production', async () => {
    const loaded = loadConfig({
      NODE_ENV: 'production',
      HOOKGATE_CONFIG: configFile('production.yaml'),
      GITHUB_SECRET: 'example-handlers-production-secret',
      DATABASE_URL: await storeUrl(),
    });
    expect(loaded.config.exampleHandlers).toBe(false);
    expect(await registered(loaded)).toEqual([]);
  });

  it('are registered with the development config', async () => {
    const loaded = loadConfig({ DATABASE_URL: await storeUrl() });
    expect(loaded.source).toBe('development defaults');
    expect(await registered(loaded)).toEqual(EXAMPLES);
  });

  it('are registered with exampleHandlers: true, even in production', async () => {
    const loaded = loadConfig({
      NODE_ENV: 'production',
      HOOKGATE_CONFIG: configFile('opt-in.yaml', ['exampleHandlers: true']),
      GITHUB_SECRET: 'example-handlers-production-secret',
      DATABASE_URL: await storeUrl(),
    });
    expect(await registered(loaded)).toEqual(EXAMPLES);
  });
});
