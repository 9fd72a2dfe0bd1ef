import type { Request } from 'express';
import type { IncomingWebhook } from '../receivers/receiver';

/** Build the receiver's view of an Express request whose raw body has been read. */
export function toIncomingWebhook(
  req: Request,
  rawBody: Buffer,
  options: { publicUrl?: string; trustProxy: boolean },
): IncomingWebhook {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  const search = req.originalUrl.indexOf('?');
  if (search >= 0) {
    for (const [key, value] of new URLSearchParams(req.originalUrl.slice(search + 1))) {
      query[key] ??= value;
    }
  }
  return {
    method: req.method,
    url: options.publicUrl ?? requestUrl(req, headers, options.trustProxy),
    query,
    headers,
    rawBody,
    contentType: mediaType(headers['content-type']),
  };
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const semicolon = contentType.indexOf(';');
  return (
    (semicolon >= 0 ? contentType.slice(0, semicolon) : contentType).trim().toLowerCase() ||
    undefined
  );
}

/**
 * The URL as the provider called it. X-Forwarded-* are only believed when the operator said the
 * gateway sits behind a proxy that sets them (http.trustProxy); otherwise a caller could choose
 * the URL that URL-signing providers' signatures are checked against.
 */
function requestUrl(req: Request, headers: Record<string, string>, trustProxy: boolean): string {
  const forwardedProto = trustProxy
    ? headers['x-forwarded-proto']?.split(',')[0].trim()
    : undefined;
  const forwardedHost = trustProxy ? headers['x-forwarded-host']?.split(',')[0].trim() : undefined;
  const proto =
    forwardedProto || ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  const host = forwardedHost || headers.host || 'localhost';
  return `${proto}://${host}${req.originalUrl}`;
}
