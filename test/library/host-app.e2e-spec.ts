import { Body, Controller, Get, Injectable, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { HookgateModule } from '../../src/hookgate.module';
import { githubHeaders } from '../helpers/github';

const SECRET = 'library-github-secret';
const METRICS_TOKEN = 'library-metrics-token-0123';

/** The host's own settings, injected into Hookgate's factory as ConfigService would be. */
@Injectable()
class Settings {
  readonly githubSecret = SECRET;
}

@Module({ providers: [Settings], exports: [Settings] })
class SettingsModule {}

@Controller()
class HostController {
  @Post('echo')
  echo(@Body() body: unknown) {
    return { received: body };
  }

  @Get('boom')
  boom(): never {
    throw new Error('host failure');
  }
}

describe('HookgateModule.forRootAsync in a host app with its body parsers on', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        HookgateModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: (settings: Settings) => ({
            database: { url: 'sqlite::memory:' },
            metrics: { token: METRICS_TOKEN },
            endpoints: [{ provider: 'github', id: 'acme', secrets: [settings.githubSecret] }],
          }),
          health: { path: '/hooks/health' },
          metrics: true,
        }),
      ],
      controllers: [HostController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['fatal'] }); // default body parsing
    await app.init();
  });
  afterAll(() => app.close());

  it('verifies and stores a delivery larger than the host parser limit', async () => {
    const body = JSON.stringify({ zen: 'x'.repeat(300 * 1024) });
    const res = await request(app.getHttpServer())
      .post('/webhooks/github/acme')
      .set(githubHeaders(SECRET, body, 'ping'))
      .serialize((data: string) => data)
      .send(body);
    expect([res.status, res.body.duplicate]).toEqual([200, false]);
  });

  it("keeps the host's parsed bodies and its own error answers", async () => {
    const echo = await request(app.getHttpServer()).post('/echo').send({ hello: 'host' });
    expect([echo.status, echo.body]).toEqual([201, { received: { hello: 'host' } }]);
    // Nest's own answers, not Hookgate's filter: no global filter in the host.
    const boom = await request(app.getHttpServer()).get('/boom');
    expect([boom.status, boom.body]).toEqual([
      500,
      { statusCode: 500, message: 'Internal server error' },
    ]);
    const missing = await request(app.getHttpServer()).get('/health');
    expect([missing.status, missing.body.statusCode]).toEqual([404, 404]);
  });

  it('serves health at the path asked for, and metrics behind their token', async () => {
    const http = () => request(app.getHttpServer());
    expect((await http().get('/hooks/health')).status).toBe(200);
    expect((await http().get('/metrics')).status).toBe(401);
    const metrics = await http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect([metrics.status, metrics.text]).toEqual([200, expect.stringContaining('hookgate_')]);
  });

  it('refuses a misspelt key at compile time', () => {
    const build = () =>
      HookgateModule.forRoot({
        // @ts-expect-error: `databse` is not a config key
        databse: { url: 'sqlite::memory:' },
        endpoints: [{ provider: 'github', id: 'acme', secrets: [SECRET] }],
      });
    expect(build).toThrow(/databse/);
  });
});
