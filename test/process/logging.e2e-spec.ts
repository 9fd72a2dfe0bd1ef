import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { validateConfig } from '../../src/config/config.loader';
import { githubHeaders, githubSignature } from '../helpers/github';
import { testDatabaseUrl, waitFor } from '../helpers/test-app';

const SECRET = 'log-test-github-secret-value';
const ADMIN = 'log-test-admin-token-value-123';
const FORWARD = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

/** The gateway's real logging (nestjs-pino) writing into memory. */
describe('structured logs', () => {
  const lines: string[] = [];
  let app: NestExpressApplication;

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
      dispatch: { pollIntervalMs: 20 },
      logging: { level: 'debug' },
      endpoints: [
        {
          provider: 'github',
          id: 'acme',
          secrets: [SECRET],
          forward: [{ url: 'http://127.0.0.1:9/unreachable', secret: FORWARD, timeoutMs: 200 }],
        },
      ],
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
    await app.init();
  });
  afterAll(() => app.close());

  it('logs JSON with request ids and delivery ids, one line per refusal, and never a secret, signature or token', async () => {
    const http = () => request(app.getHttpServer());
    const body = '{"ref":"refs/heads/main","commits":[],"note":"body-content-marker"}';
    const headers = githubHeaders(SECRET, body, 'push', 'log-1');
    const ok = await http()
      .post('/webhooks/github/acme')
      .set({ ...headers, 'x-request-id': 'req-abc-123' })
      .serialize((d: unknown) => d as string)
      .send(Buffer.from(body));
    expect(ok.status).toBe(200);
    expect(ok.headers['x-request-id']).toBe('req-abc-123');
    const bad = await http()
      .post('/webhooks/github/acme')
      .set({ ...headers, 'x-hub-signature-256': githubSignature('wrong', body) })
      .serialize((d: unknown) => d as string)
      .send(Buffer.from(body));
    expect(bad.status).toBe(401);
    await http().get('/admin/deliveries').set('authorization', `Bearer ${ADMIN}`).expect(200);
    await http()
      .get(`/admin/deliveries?type=${encodeURIComponent(ADMIN)}`)
      .set('authorization', `Bearer ${ADMIN}`)
      .expect(200);
    await http().get('/admin/deliveries').set('authorization', `Bearer ${ADMIN}x`).expect(401);
    // The forward target is unreachable: its failure is logged with the delivery id.
    await waitFor(
      () => lines.some((l) => l.includes('Run failed')),
      10_000,
      'a run failure log line',
    );

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    // The webhook route's own line: request id, delivery id, outcome.
    const accepted = parsed.find((l) => l.reqId === 'req-abc-123' && l.outcome === 'accepted');
    expect(accepted).toBeDefined();
    expect(accepted!.deliveryId).toBe(ok.body.id);
    // Other requests go through pino-http, with credential headers redacted.
    const admin = parsed.find(
      (l) => l.req?.url === '/admin/deliveries' && l.res?.statusCode === 200,
    );
    expect(admin!.req.headers.authorization).toBe('[REDACTED]');
    expect(admin!.req.id).toEqual(expect.any(String));
    const refusals = parsed.filter(
      (l) =>
        typeof l.msg === 'string' && l.msg.startsWith('refused POST /webhooks/github/acme -> 401'),
    );
    expect(refusals).toHaveLength(1);
    const failure = parsed.find((l) => l.msg?.includes('Run failed'));
    expect(failure).toMatchObject({
      deliveryId: ok.body.id,
      handler: 'forward:acme:http://127.0.0.1:9/unreachable',
    });

    const all = lines.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(ADMIN);
    expect(all).not.toContain(FORWARD);
    expect(all).not.toContain(headers['x-hub-signature-256'].slice('sha256='.length));
    expect(all).not.toContain(githubSignature('wrong', body).slice('sha256='.length));
    expect(all).not.toContain('body-content-marker'); // bodies are not logged
  });
});
