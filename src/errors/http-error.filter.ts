import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { WebhookError } from './webhook-errors';

/** Errors thrown by body-parser (and raw-body) carry a status and a `type`. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message: string;
}

/**
 * The one place where errors become HTTP statuses. A client mistake never becomes a 500, and a
 * 500 never shows its message (it could hold anything, including a connection string).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/**
 * Answer `error` on `res` with its status and one log line. Also used directly by the webhook
 * edge, which runs outside Nest's filter chain (as middleware, or before express: node's own
 * request and response, hence no express helpers here).
 */
export function sendError(
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
): void {
  const { status, body, headers } = describeError(error);
  // The full path, never the query.
  const path = requestPath(req);
  if (status >= 500) {
    logger.error(
      `${req.method} ${path} -> ${status}: ${(error as Error)?.message ?? String(error)}`,
      (error as Error)?.stack,
    );
  } else {
    // One line per refusal; the path names the provider and endpoint. Messages hold no secrets.
    logger.warn(
      `refused ${req.method} ${path} -> ${status} ${String(body.error ?? '')}: ${String(body.message ?? '')}`,
    );
  }
  if (res.headersSent) return;
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // A route may have described another body before it threw: its length and validators go.
  const text = JSON.stringify(body);
  res.removeHeader('ETag');
  res.removeHeader('Last-Modified');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text); // Node sends no body for HEAD by itself
}

/**
 * The request's path as the client sent it, without the query. Express rewrites `req.url`
 * below a middleware's mount point and keeps the original in `originalUrl`; node's own request
 * (the webhook route served before express) has only `url`.
 */
export function requestPath(req: IncomingMessage): string {
  return requestTarget(req).split('?')[0];
}

/** The request target (path and query) as the client sent it. */
export function requestTarget(req: IncomingMessage): string {
  return (req as Partial<Request>).originalUrl ?? req.url ?? '/';
}

function describeError(error: unknown): {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  if (error instanceof WebhookError) {
    return {
      status: error.status,
      body: { error: error.reason, message: error.message },
      headers: error.headers,
    };
  }
  if (error instanceof HttpException) {
    // Nest's own shape ({ statusCode, message, error }, or a health report) is kept as is.
    const response = error.getResponse();
    const body =
      typeof response === 'string'
        ? { statusCode: error.getStatus(), message: response }
        : response;
    return { status: error.getStatus(), body: body as Record<string, unknown>, headers: {} };
  }
  const parserError = error as BodyParserError;
  const status = parserError?.status ?? parserError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const reason = parserError.type === 'entity.too.large' ? 'too-large' : 'bad-request';
    return {
      status,
      body: { error: reason, message: parserError.expose ? parserError.message : 'Bad request.' },
      headers: {},
    };
  }
  return {
    status: 500,
    body: { error: 'internal', message: 'Internal error; see the gateway log.' },
    headers: {},
  };
}
