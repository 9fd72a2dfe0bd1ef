import { Injectable } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { validateConfig } from '../../src/config/config.loader';
import { PermanentFailure } from '../../src/dispatch/failures';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { githubHeaders } from '../helpers/github';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { testDatabaseUrl, waitFor } from '../helpers/test-app';

const SECRET = 'operator-logs-github-secret';
const ADMIN = 'operator-logs-admin-token-0123';

@Injectable()
class GivesUp {
  @OnWebhook('github', 'push', { name: 'gives-up' })
  handle(): never {
    throw new PermanentFailure('the downstream refused this event');
  }
}

const slow = { started: 0 };

@Injectable()
class Slow {
  @OnWebhook('github', 'ping', { name: 'slow' })
  async handle(): Promise<void> {
    slow.started++;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

type Line = Record<string, any>;

/** What an operator reads in the gateway's JSON log (nestjs-pino, captured in memory). */
describe('log lines an operator reads', () => {
  const raw: string[] = [];
  const lines = (): Line[] => raw.map((line) => JSON.parse(line) as Line);
  let app: NestExpressApplication;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        raw.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const url = testDatabaseUrl();
    const config = validateConfig({
      database: { url: isPostgresUrl(url) ? await isolatedSchemaUrl(url) : url },
      admin: { token: ADMIN },
      dispatch: { pollIntervalMs: 20, retry: { maxAttempts: 1 } },
      endpoints: [
        { provider: 'github', id: 'acme', secrets: [SECRET] },
        { provider: 'stripe', id: 'shop', secrets: ['not-a-whsec-signing-secret'] },
      ],
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({ config, source: 'test', isDemo: false }, { logDestination: sink }),
      ],
      providers: [GivesUp, Slow],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      bufferLogs: true,
    });
    app.useLogger(app.get(PinoLogger));
    await app.init();
  });

  it('warns at start-up about a secret that looks wrong, naming it by place only', () => {
    const warning = lines().find((l) => l.context === 'Config');
    expect(warning).toMatchObject({
      level: 40,
      msg: expect.stringMatching(/^endpoints\[1\]\.secrets\[0\] does not start with whsec_/),
    });
    expect(raw.join('\n')).not.toContain('not-a-whsec-signing-secret');
  });

  it('logs one short line per admin request, without the response headers', async () => {
    await request(app.getHttpServer())
      .get('/admin/deliveries?limit=5')
      .set('authorization', `Bearer ${ADMIN}`)
      .expect(200);
    const admin = lines().filter((l) => l.req?.url === '/admin/deliveries?limit=5');
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({
      msg: 'GET /admin/deliveries -> 200',
      res: { statusCode: 200 },
    });
    expect(Object.keys(admin[0].res)).toEqual(['statusCode']);
    const text = raw.find((l) => l.includes('GET /admin/deliveries -> 200'))!;
    expect(text).not.toMatch(/content-security-policy|strict-transport-security/i);
    expect(text.length).toBeLessThan(1000);
  });

  it('logs a dead run at error, with its handler and delivery id', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', commits: [] });
    const ack = await request(app.getHttpServer())
      .post('/webhooks/github/acme')
      .set(githubHeaders(SECRET, body, 'push'))
      .serialize((data: unknown) => data as string)
      .send(Buffer.from(body))
      .expect(200);
    const dead = await waitFor(
      () => lines().find((l) => l.msg?.startsWith('Run dead')),
      10_000,
      'the dead run line',
    );
    expect(dead).toMatchObject({
      level: 50,
      handler: 'gives-up',
      deliveryId: ack.body.id,
      provider: 'github',
      endpoint: 'acme',
      msg: `Run dead: gives-up gave up on delivery ${ack.body.id} after attempt 1: the downstream refused this event`,
    });
  });

  it('says on shutdown what the worker drained and gave back', async () => {
    const body = JSON.stringify({ zen: 'Keep it logically awesome.' });
    await request(app.getHttpServer())
      .post('/webhooks/github/acme')
      .set(githubHeaders(SECRET, body, 'ping'))
      .serialize((data: unknown) => data as string)
      .send(Buffer.from(body))
      .expect(200);
    await waitFor(() => slow.started === 1, 10_000, 'the slow run to start');
    await app.close();
    expect(lines().find((l) => l.msg?.startsWith('Dispatch stopped'))).toMatchObject({
      level: 30,
      context: 'Dispatch',
      drained: 1,
      stillRunning: 0,
      notStarted: 0,
      msg:
        'Dispatch stopped: 1 running run(s) finished; given back 0 still running after ' +
        '10000 ms and 0 not started, for another worker',
    });
  });
});
