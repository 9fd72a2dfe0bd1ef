import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { WebhookEdge } from './webhook-edge';

/** `/webhooks/{provider}/{endpointId}`, matched as express matches the middleware's route. */
const WEBHOOK_PATH = /^\/webhooks\/([^/]+)\/([^/]+)\/?$/i;

/**
 * The provider and endpoint id a request target names, or undefined when it is not the webhook
 * route. Like express: case-insensitive, one optional trailing slash, the query (and a fragment)
 * ignored, each part percent-decoded; a part that does not decode is left to express (400).
 */
export function webhookRoute(
  target: string | undefined,
): { provider: string; endpointId: string } | undefined {
  if (!target) return undefined;
  // The path ends at the query or, as express reads it, at a fragment a careless sender left.
  const end = target.search(/[?#]/);
  const match = WEBHOOK_PATH.exec(end >= 0 ? target.slice(0, end) : target);
  if (!match) return undefined;
  try {
    return { provider: decodeURIComponent(match[1]), endpointId: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}

/**
 * Serve the webhook route straight from the HTTP server, before express sees the request; every
 * other request still goes to the app. Express's own per-request work (its request and response
 * prototypes, the router walking every layer up to the middleware) was a large share of a
 * delivery's CPU (docs/adr/0009-webhook-route-before-express.md). Nothing is lost on the route:
 * the edge already ran outside Nest's pipes, guards, interceptors and filters.
 *
 * HookgateModule does this itself at bootstrap (unless its `webhookRoute` option says
 * `middleware`); the gateway also calls it once the app is created (main.ts). A worker process
 * has no webhook route: nothing changes there.
 */
export function serveWebhooksBeforeExpress(app: INestApplication): void {
  const config = app.get<HookgateConfig>(HOOKGATE_CONFIG);
  if (config.role === 'worker') return;
  installWebhookFastPath(app.getHttpServer() as Server, app.get(WebhookEdge));
}

/** Servers whose webhook route is already served before express. */
const servedBeforeExpress = new WeakSet<Server>();

/**
 * Put the edge in front of the server's request listener (the app). Idempotent: the module does
 * it at bootstrap (HostIntegration), after the gateway may have done it already.
 */
export function installWebhookFastPath(server: Server, edge: WebhookEdge): void {
  if (servedBeforeExpress.has(server)) return;
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) {
    throw new Error(
      `serveWebhooksBeforeExpress expects the app as the server's only request listener, found ${listeners.length}`,
    );
  }
  const [expressApp] = listeners;
  server.removeListener('request', expressApp);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const route = webhookRoute(req.url);
    if (route) edge.handle(route.provider, route.endpointId, req, res);
    else expressApp(req, res);
  });
  servedBeforeExpress.add(server);
}
