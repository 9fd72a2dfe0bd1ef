import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'express';
import {
  CanActivate,
  Controller,
  Get,
  Injectable,
  Module,
  NestInterceptor,
  NotFoundException,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import { githubHeaders, postGithub } from '../helpers/github';
import { createTestApp, postRaw, reopenStore, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';

// The gateway serves the route before express; an app importing the module, as middleware.
describe.each(['before-express', 'middleware'] as const)('HTTP edge (%s)', (webhookRoute) => {
  let t: TestApp;
  /** Request targets a plain express middleware of the app saw (app.use, all paths). */
  let seenByExpress: string[];
  beforeAll(async () => {
    t = await createTestApp(testConfig({ http: { maxBodyBytes: 4096 } }), {
      webhookRoute,
      beforeInit: (app) =>
        app.use((req: Request, _res: unknown, next: () => void) => {
          seenByExpress.push(req.originalUrl);
          next();
        }),
    });
  });
  beforeEach(() => {
    seenByExpress = [];
  });
  afterAll(() => t.close());

  it('routes the path as express would: any case, a trailing slash, a query, percent-encoding', async () => {
    const targets = [
      '/webhooks/github/acme',
      '/WEBHOOKS/github/acme/',
      '/webhooks/github/acme?source=test',
      '/webhooks/git%68ub/ac%6De',
    ];
    for (const target of targets) {
      const body = `{"zen":"${target}"}`;
      const res = await postRaw(t, target, githubHeaders(SECRET, body, 'ping'), body);
      expect([target, res.status, res.headers['x-request-id']]).toEqual([
        target,
        200,
        expect.any(String),
      ]);
    }
    // Before express, deliveries skip the app's own middleware; its other routes do not.
    expect((await t.http().get('/health')).status).toBe(200);
    expect(seenByExpress).toEqual(
      webhookRoute === 'before-express' ? ['/health'] : [...targets, '/health'],
    );
  });

  it('answers a path part that does not percent-decode as express does', async () => {
    const body = '{}';
    const res = await postRaw(
      t,
      '/webhooks/github/ac%E0%A4',
      githubHeaders(SECRET, body, 'ping'),
      body,
    );
    expect(res.status).toBe(400);
  });

  it("echoes the caller's request id; refusals are JSON; HEAD is refused with Allow", async () => {
    const body = '{"zen":"Approachable is better than simple."}';
    const ok = await postGithub(t, SECRET, body, 'ping').set('x-request-id', 'proxy-id-1');
    expect([ok.status, ok.headers['x-request-id'], ok.body.duplicate]).toEqual([
      200,
      'proxy-id-1',
      false,
    ]);
    const headers = githubHeaders(SECRET, body, 'ping');
    const unknown = await postRaw(t, '/webhooks/github/nobody', headers, body);
    expect([unknown.status, unknown.headers['content-type'], unknown.body.error]).toEqual([
      404,
      'application/json; charset=utf-8',
      'unknown-endpoint',
    ]);
    const head = await t.http().head('/webhooks/github/acme');
    expect([head.status, head.headers.allow]).toEqual([405, 'POST']);
  });

  it('413 for a body over the limit (declared length), before reading it', async () => {
    const body = Buffer.from(JSON.stringify({ big: 'x'.repeat(5000) }));
    const res = await postGithub(t, SECRET, body, 'push');
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('too-large');
  });

  it('413 for a chunked body that grows past the limit, without buffering the rest', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/webhooks/github/acme',
          headers: {
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
            'x-github-event': 'push',
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      // 64 KiB in 1 KiB chunks: the answer must come before we finish.
      let sent = 0;
      const pump = () => {
        while (sent < 64 && req.write(Buffer.alloc(1024, 0x20))) sent++;
        if (sent < 64) req.once('drain', pump);
        else req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('accepts a content type with parameters', async () => {
    const body = '{"zen":"Half measures are as bad as nothing at all."}';
    const headers = {
      ...githubHeaders(SECRET, body, 'ping'),
      'content-type': 'application/json; charset=utf-8',
    };
    expect((await postRaw(t, '/webhooks/github/acme', headers, body)).status).toBe(200);
  });

  it('415 with no content type at all, and for compressed bodies it cannot verify', async () => {
    const body = '{"zen":"x"}';
    const headers: Record<string, string> = githubHeaders(SECRET, body, 'ping');
    delete headers['content-type'];
    expect((await postRaw(t, '/webhooks/github/acme', headers, body)).status).toBe(415);
    const gzip = { ...githubHeaders(SECRET, body, 'ping'), 'content-encoding': 'gzip' };
    expect((await postRaw(t, '/webhooks/github/acme', gzip, body)).status).toBe(415);
  });

  it('400 for a signed body that is not valid UTF-8', async () => {
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    const res = await postGithub(t, SECRET, body, 'ping');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/UTF-8/);
  });

  it('405 for methods the provider never uses', async () => {
    expect((await t.http().put('/webhooks/github/acme')).status).toBe(405);
    expect((await t.http().delete('/webhooks/github/acme')).status).toBe(405);
  });

  it('does not store credential headers', async () => {
    const body = '{"zen":"Avoid administrative distraction."}';
    const headers = {
      ...githubHeaders(SECRET, body, 'ping'),
      authorization: 'Bearer leaked',
      cookie: 'session=1',
    };
    const res = await postRaw(t, '/webhooks/github/acme', headers, body);
    const detail = await t
      .http()
      .get(`/admin/deliveries/${res.body.id}`)
      .set('authorization', 'Bearer test-admin-token-0123456789');
    expect(detail.body.headers['x-github-event']).toBe('ping');
    expect(detail.body.headers.authorization).toBeUndefined();
    expect(detail.body.headers.cookie).toBeUndefined();
  });
});

describe('health and store outages', () => {
  it('GET /health answers 200 with the store up, 503 with it down; deliveries get 503, never 2xx', async () => {
    const t = await createTestApp(testConfig());
    try {
      const up = await t.http().get('/health');
      expect(up.status).toBe(200);
      expect(up.body.info.store.status).toBe('up');

      const dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
      await dataSource.destroy();
      const down = await t.http().get('/health');
      expect(down.status).toBe(503);
      expect(down.body.error.store.status).toBe('down');

      const body = '{"zen":"Mind your words, they are important."}';
      const res = await postGithub(t, SECRET, body, 'ping');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      await reopenStore(t.app, dataSource);
      expect(
        (await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, 'ping'), body))
          .status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });
});

/** A host app's global guards, interceptors and pipes are for its own routes, not deliveries. */
@Injectable()
class DenyEverythingGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Injectable()
class FailingInterceptor implements NestInterceptor {
  intercept(): Observable<unknown> {
    throw new Error('a global interceptor ran');
  }
}

describe('HTTP edge inside a host app with global guards and interceptors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(testConfig(), {
      providers: [
        { provide: APP_GUARD, useClass: DenyEverythingGuard },
        { provide: APP_INTERCEPTOR, useClass: FailingInterceptor },
      ],
    });
  });
  afterAll(() => t.close());

  it('deliveries do not pass through them; the app routes do', async () => {
    const body = '{"zen":"Keep it logically awesome."}';
    const res = await postGithub(t, SECRET, body, 'ping');
    expect(res.status).toBe(200);
    expect((await t.http().get('/health')).status).toBe(403);
  });

  it('only /webhooks/{provider}/{endpointId} itself is the edge', async () => {
    const body = '{}';
    const headers = githubHeaders(SECRET, body, 'ping');
    expect((await postRaw(t, '/webhooks/github/acme/extra', headers, body)).status).toBe(404);
    expect((await postRaw(t, '/webhooks/github', headers, body)).status).toBe(404);
  });
});

/** A host-app route that describes its answer, then fails: the error answer must not keep that. */
@Controller('report')
class ReportController {
  @Get()
  report(@Res({ passthrough: true }) res: Response): never {
    res.setHeader('Content-Length', '100000');
    res.setHeader('ETag', '"report-v1"');
    throw new NotFoundException('no report yet');
  }
}

@Module({ controllers: [ReportController] })
class ReportModule {}

describe('error answers on a host app route', () => {
  it('drop the Content-Length and ETag the route set for another body', async () => {
    const t = await createTestApp(testConfig(), { imports: [ReportModule] });
    try {
      const res = await t.http().get('/report');
      expect([res.status, res.body.message, res.headers.etag]).toEqual([
        404,
        'no report yet',
        undefined,
      ]);
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    } finally {
      await t.close();
    }
  });
});
