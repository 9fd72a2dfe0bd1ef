import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { destination as pinoDestination, type DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { Params } from 'nestjs-pino';
import type { HookgateConfig } from '../config/config.schema';
import type { ReceiverRegistry } from '../config/tokens';
import { urlSecrets } from '../dispatch/forward/target-name';
import { findReceiver } from '../receivers/receivers';

const CENSOR = '[REDACTED]';

/** Headers that authenticate a caller or carry a signature: never logged. */
const SENSITIVE_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-slack-signature',
  'stripe-signature',
  'webhook-signature',
  'svix-signature',
  'x-twilio-signature',
  'x-shopify-hmac-sha256',
  'shopify-hmac-sha256',
  'paypal-transmission-sig',
  'x-trello-webhook',
  'x-dropbox-signature',
];

/**
 * The gateway's structured logging (nestjs-pino): JSON lines (pretty in development), a request
 * id on every request line (X-Request-Id when the caller sends a sane one), the delivery id on
 * lines about a stored delivery (the webhook route writes its own line, with both), signature
 * and credential headers redacted by path, and every configured secret or token scrubbed from
 * messages by value. Bodies are never logged.
 */
export function loggingParams(
  config: HookgateConfig,
  receivers: ReceiverRegistry,
  production: boolean,
  destination?: DestinationStream,
): Params {
  const scrub = secretScrubber(config);
  const headers = new Set([
    ...SENSITIVE_HEADERS,
    ...receivers.flatMap((r) => r.secretHeaders ?? []),
    ...configuredSecretHeaders(config, receivers),
  ]);
  const pretty = config.logging.pretty ?? !production;
  const options: PinoHttpOptions = {
    level: config.logging.level,
    transport:
      pretty && !destination
        ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
        : undefined,
    redact: {
      paths: [...headers].flatMap((h) => [`req.headers["${h}"]`, `headers["${h}"]`]),
      censor: CENSOR,
    },
    hooks: {
      // Messages can quote anything (an error from a driver, a URL): scrub secrets by value.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<
            typeof method
          >,
        );
      },
    },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id =
        typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // One readable line per request: `GET /admin/deliveries -> 200`.
    customSuccessMessage: (req, res) => `${req.method} ${scrub(pathOf(req))} -> ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${scrub(pathOf(req))} -> ${res.statusCode}`,
    serializers: {
      req: (req: {
        id: string;
        method: string;
        url: string;
        remoteAddress?: string;
        headers: Record<string, unknown>;
      }) => ({
        id: req.id,
        method: req.method,
        url: scrub(req.url),
        remoteAddress: req.remoteAddress,
        headers: req.headers,
      }),
      // The status only: the admin API's protective headers (helmet's) are the same on every
      // response, over a kilobyte of them, and say nothing about the request.
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: {
      ignore: (req: IncomingMessage) => req.url === '/health' || req.url === config.metrics.path,
    },
  };
  // JSON lines to stdout are written asynchronously: a synchronous write blocks the event loop
  // whenever the pipe's reader (journald, a container runtime) falls behind. pino flushes what
  // is pending at exit; a SIGKILL can lose the last few lines
  // (docs/adr/0007-asynchronous-log-lines.md).
  const output = destination ?? (pretty ? undefined : pinoDestination({ dest: 1, sync: false }));
  return {
    pinoHttp: output ? [options, output] : options,
    // Request lines for the admin API, health and metrics only. The webhook route logs one
    // compact line per delivery itself (pipeline/webhook-edge.ts), as pino-http's per-request
    // child logger is costly there (docs/adr/0007-asynchronous-log-lines.md), and even an
    // excluded catch-all middleware costs every delivery two more router layers. Refusals
    // elsewhere (404s) are logged by HttpErrorFilter.
    forRoutes: ['admin', 'admin/*path', 'health', 'health/*path', config.metrics.path].map(
      (path) => ({ path, method: RequestMethod.ALL }),
    ),
  };
}

/** The path as the client sent it, without the query (which may carry a token). */
function pathOf(req: IncomingMessage): string {
  return ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '/').split('?')[0];
}

/** Secret headers named in endpoint options (the `token` provider's `options.header`). */
function configuredSecretHeaders(config: HookgateConfig, receivers: ReceiverRegistry): string[] {
  return config.endpoints.flatMap((endpoint) => {
    const receiver = findReceiver(endpoint.provider, receivers);
    if (!receiver?.secretHeadersFor) return [];
    const options: unknown = receiver.parseOptions?.(endpoint.options) ?? endpoint.options;
    return receiver.secretHeadersFor(options).map((h) => h.toLowerCase());
  });
}

/**
 * Replace every configured secret or token in `text` with [REDACTED], forward targets' URL
 * credentials and query values among them.
 */
export function secretScrubber(config: HookgateConfig): (text: string) => string {
  const secrets = [
    config.admin.token,
    config.metrics.token,
    ...config.endpoints.flatMap((e) => [
      ...e.secrets,
      ...(e.forward ?? []).flatMap((f) => [f.secret, ...urlSecrets(f.url)]),
    ]),
  ]
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
    return out;
  };
}
