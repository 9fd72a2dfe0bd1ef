import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { parseCloudEvent } from '../helpers/brokers';
import { deliveryDetail, waitForDeliveryStatus } from '../helpers/dispatch';
import { postGithub } from '../helpers/github';
import { sample } from '../helpers/metrics';
import { createTestApp, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
const FORWARD_SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const URL_PASSWORD = 'url-password-do-not-show';
const QUERY_SECRET = 'query-code-do-not-show';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * HTTP targets with `format: cloudevents` and `types` filters, and a target URL with
 * credentials: sent as Basic authentication, never shown in run names, errors or metrics.
 */
describe('HTTP forwarding: CloudEvents, type filters, credentials in the URL', () => {
  let t: TestApp;
  let server: Server;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.url?.startsWith('/failing') ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp(
      testConfig({
        dispatch: { pollIntervalMs: 20, retry: { maxAttempts: 2, initialDelayMs: 50 } },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: [SECRET],
            forward: [
              { url: `http://${base}/ce`, format: 'cloudevents', secret: FORWARD_SECRET },
              { url: `http://${base}/issues`, types: ['issues.*', 'ping'] },
              { url: `http://hook:${URL_PASSWORD}@${base}/basic?code=${QUERY_SECRET}` },
              { url: `http://${base}/failing?code=${QUERY_SECRET}`, types: ['push'] },
            ],
          },
        ],
      }),
    );
  });
  afterAll(async () => {
    await t.close();
    server.close();
  });

  it('sends a signed CloudEvent, routes by type, authenticates from the URL, and shows no secret', async () => {
    const sent = new Map<string, string>(); // gateway id → type
    for (const [event, action] of [
      ['push', undefined],
      ['issues', 'opened'],
      ['ping', undefined],
    ] as const) {
      const body = JSON.stringify(action ? { action } : { zen: 'hi' });
      const res = await postGithub(t, SECRET, body, event);
      expect(res.status).toBe(200);
      sent.set(res.body.id, action ? `${event}.${action}` : event);
    }
    const push = [...sent].find(([, type]) => type === 'push')![0];
    for (const id of sent.keys()) {
      await waitForDeliveryStatus(t, id, id === push ? 'dead' : 'succeeded');
    }

    const at = (path: string) => received.filter((r) => r.path.split('?')[0] === path);
    const cloudEvents = at('/ce');
    expect(cloudEvents).toHaveLength(3);
    for (const request of cloudEvents) {
      expect(request.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      new Webhook(FORWARD_SECRET).verify(request.body, request.headers as Record<string, string>);
      const event = parseCloudEvent(request.body, String(request.headers['content-type']));
      expect(request.headers['webhook-id']).toBe(event.id);
      expect(event.type).toBe(`github.${sent.get(event.id)}`);
      expect(event.source).toBe('/hookgate/github/acme');
    }
    // Only the types the filter names; the default format is the envelope.
    expect(
      at('/issues')
        .map((r) => JSON.parse(r.body).type)
        .sort(),
    ).toEqual(['issues.opened', 'ping']);
    const basic = at('/basic');
    expect(basic).toHaveLength(3);
    expect(basic[0].path).toBe(`/basic?code=${QUERY_SECRET}`);
    expect(basic[0].headers.authorization).toBe(
      `Basic ${Buffer.from(`hook:${URL_PASSWORD}`).toString('base64')}`,
    );
    expect(at('/failing')).toHaveLength(2); // push only, retried once, then dead

    const detail = await deliveryDetail(t, push);
    expect(detail.runs.map((run) => run.handler).sort()).toEqual(
      [
        `forward:acme:http://${base()}/basic?code=***`,
        `forward:acme:http://${base()}/ce`,
        `forward:acme:http://${base()}/failing?code=***`,
      ].sort(),
    );
    const failing = detail.runs.find((run) => run.handler.includes('/failing'))!;
    expect(failing.lastError).toContain(`POST http://${base()}/failing?code=*** answered 500`);
    const metrics = (await t.http().get('/metrics')).text;
    expect(
      sample(metrics, 'hookgate_forward_publishes_total', {
        target: failing.handler,
        outcome: 'failed',
      }),
    ).toBe(2);
    const shown = JSON.stringify(detail) + metrics;
    expect(shown).not.toContain(URL_PASSWORD);
    expect(shown).not.toContain(QUERY_SECRET);
  });

  function base(): string {
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
});
