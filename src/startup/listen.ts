import type { Server } from 'node:http';

/**
 * Listen on `port` and resolve once listening, or reject with the server's error (EADDRINUSE).
 * The gateway listens itself rather than through Nest's `app.listen`, which also logs the
 * error: a start-up failure is one line (startup-log.ts).
 */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
