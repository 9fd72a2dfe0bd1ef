import { once } from 'node:events';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * POST with an absolute-form request target (`POST http://host/path HTTP/1.1`), as a forward
 * proxy sends it: supertest always sends an origin-form target, node's client sends `path` as it
 * is. Listens on a free local port for the call; the Host header names that listener.
 */
export async function postAbsoluteForm(
  server: Server,
  absoluteUrl: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<number> {
  const listening = server.listen(0, '127.0.0.1');
  await once(listening, 'listening');
  try {
    const { port } = listening.address() as AddressInfo;
    return await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: absoluteUrl,
          headers: { ...headers, host: `127.0.0.1:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    await new Promise((resolve) => listening.close(resolve));
  }
}
