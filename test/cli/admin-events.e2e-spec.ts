import { Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { postGithub } from '../helpers/github';
import { ADMIN_TOKEN, createTestApp, testConfig, waitFor, type TestApp } from '../helpers/test-app';

@Injectable()
class PushHandler {
  @OnWebhook('github', 'push', { name: 'push-ok' })
  handle(): void {}
}

/** Open the stream and collect its events until the returned close() is called. */
async function openStream(
  port: number,
  token: string,
): Promise<{ status: number; events: EventSourceMessage[]; close: () => void }> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/admin/events',
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    });
    req.on('response', resolve).on('error', reject).end();
  });
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => parser.feed(chunk));
  return { status: res.statusCode ?? 0, events, close: () => res.destroy() };
}

describe('GET /admin/events', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp(testConfig(), { providers: [PushHandler] });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('streams a stored delivery and its run outcome', async () => {
    const stream = await openStream(port, ADMIN_TOKEN);
    expect(stream.status).toBe(200);
    const res = await postGithub(t, 'github-test-secret', '{"ref":"refs/heads/main"}', 'push');
    expect(res.status).toBe(200);
    await waitFor(() => stream.events.some((e) => e.event === 'run.succeeded'), 5000, 'run event');
    stream.close();
    const stored = stream.events.find((e) => e.event === 'delivery.stored')!;
    expect(JSON.parse(stored.data)).toMatchObject({
      kind: 'delivery.stored',
      provider: 'github',
      endpoint: 'acme',
      type: 'push',
    });
    const run = JSON.parse(stream.events.find((e) => e.event === 'run.succeeded')!.data);
    expect(run).toMatchObject({ handler: 'push-ok', status: 'succeeded', attempt: 1 });
    expect(run.deliveryId).toBe(JSON.parse(stored.data).id);
  });

  it('refuses a wrong token with 401', async () => {
    const res = await t.http().get('/admin/events').set('authorization', 'Bearer wrong');
    expect(res.status).toBe(401);
  });

  it('is not served without an admin token configured (404)', async () => {
    const bare = await createTestApp(testConfig({ admin: {} }));
    try {
      expect((await bare.http().get('/admin/events')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
