import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdminClient } from '../../src/cli/admin/admin-client';
import { followEvents } from '../../src/cli/admin/event-stream';
import type { LiveEvent } from '../../src/store/store-events';
import { waitFor } from '../helpers/test-app';

function storedEvent(id: string): LiveEvent {
  const at = '2026-11-27T12:00:00.000Z';
  const common = { provider: 'github', endpoint: 'acme', type: 'push', status: 'pending' };
  return { kind: 'delivery.stored', id, ...common, receivedAt: at };
}

/** The follower alone, against a server that ends each stream after one event. */
describe('followEvents', () => {
  let server: Server;
  let connections = 0;
  let client: AdminClient;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.headers.authorization !== 'Bearer right') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"no"}');
        return;
      }
      connections += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const event = storedEvent(`delivery-${connections}`);
      // An event split across writes, and a heartbeat comment the parser must skip.
      const text = `: heartbeat\n\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`;
      res.write(text.slice(0, 20));
      setTimeout(() => res.end(text.slice(20)), 10);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new AdminClient({ url: `http://127.0.0.1:${port}`, token: 'right' }, {});
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reconnects when the stream ends, and keeps delivering events', async () => {
    const seen: string[] = [];
    const reconnects: number[] = [];
    const controller = new AbortController();
    const following = followEvents(
      client,
      {
        onEvent: (event) => seen.push(event.kind === 'delivery.stored' ? event.id : event.runId),
        onReconnecting: (delayMs) => reconnects.push(delayMs),
      },
      controller.signal,
    );
    await waitFor(() => seen.length >= 2, 5000, 'two streams');
    controller.abort();
    await following;
    expect(seen.slice(0, 2)).toEqual(['delivery-1', 'delivery-2']);
    expect(reconnects[0]).toBe(500);
  });

  it('a refused token on the first connection fails at once', async () => {
    const wrong = new AdminClient({ url: client.baseUrl, token: 'wrong' }, {});
    const handlers = { onEvent: () => undefined, onReconnecting: () => undefined };
    await expect(followEvents(wrong, handlers, new AbortController().signal)).rejects.toThrow(
      /refused the admin token \(401\)/,
    );
  });
});
