import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { validateConfig } from '../../src/config/config.loader';
import { serveWebhooksBeforeExpress } from '../../src/pipeline/webhook-fast-path';
import { testDatabaseUrl } from '../helpers/test-app';
import { CODE } from './cases/code-case';
import { MAILCHIMP_FORM, MAILCHIMP_SUBSCRIBE } from './cases/mailchimp';

const ADMIN = 'code-log-test-admin-token-123';
/** One character off: not a configured secret, so the logger's scrubbing by value misses it. */
const NEAR_MISS = `${CODE.slice(0, -1)}x`;

/**
 * The gateway's real logging (nestjs-pino) into memory, the webhook route served before express
 * as in production: the code is in no log line, in no answer and in no stored delivery, whether
 * the request was accepted, a validator GET, or refused.
 */
describe('?code= is never logged nor stored', () => {
  const lines: string[] = [];
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const post = (url: string, body: Buffer) =>
    http()
      .post(url)
      .set('content-type', MAILCHIMP_FORM)
      .serialize((data: unknown) => data as string)
      .send(body);

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const config = validateConfig({
      database: { url: testDatabaseUrl() },
      admin: { token: ADMIN },
      logging: { level: 'debug' },
      endpoints: [{ provider: 'mailchimp', id: 'audience', secrets: [CODE] }],
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({ config, source: 'test', isDemo: false }, { logDestination: sink }),
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      bufferLogs: true,
    });
    app.useLogger(app.get(PinoLogger));
    serveWebhooksBeforeExpress(app);
    await app.init();
  });
  afterAll(() => app.close());

  it('logs the path of each request, never its ?code=', async () => {
    const accepted = await post(`/webhooks/mailchimp/audience?code=${CODE}`, MAILCHIMP_SUBSCRIBE);
    expect(accepted.status).toBe(200);
    const validator = await http().get(`/webhooks/mailchimp/audience?code=${CODE}`);
    expect(validator.status).toBe(200);
    const wrongGet = await http().get(`/webhooks/mailchimp/audience?code=${NEAR_MISS}`);
    const wrongPost = await post(
      `/webhooks/mailchimp/audience?code=${NEAR_MISS}`,
      MAILCHIMP_SUBSCRIBE,
    );
    expect([wrongGet.status, wrongPost.status]).toEqual([401, 401]);

    const stored = await http()
      .get(`/admin/deliveries/${accepted.body.id}`)
      .set('authorization', `Bearer ${ADMIN}`);
    expect(stored.status).toBe(200);
    expect(stored.body.type).toBe('subscribe');

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    // The lines the checks below are about were written: one accepted, two refusals.
    expect(parsed.filter((l) => l.outcome === 'accepted')).toHaveLength(1);
    expect(parsed.filter((l) => l.outcome === 'handshake')).toHaveLength(1);
    const refusals = parsed.filter((l) =>
      /^refused (GET|POST) \/webhooks\/mailchimp\/audience -> 401/.test(l.msg ?? ''),
    );
    expect(refusals).toHaveLength(2);

    const everything = [
      lines.join('\n'),
      JSON.stringify(stored.body),
      ...[accepted, validator, wrongGet, wrongPost].map(
        (r) => `${r.text}${JSON.stringify(r.headers)}`,
      ),
    ].join('\n');
    expect(everything).not.toContain(CODE);
    expect(everything).not.toContain(NEAR_MISS);
    expect(everything).not.toMatch(/[?&]code=/);
  });
});
