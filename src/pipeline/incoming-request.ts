import type { IncomingMessage } from 'node:http';
import { requestTarget } from '../errors/http-error.filter';
import type { IncomingWebhook } from '../receivers/receiver';

/** Build the receiver's view of a request whose raw body has been read. */
export function toIncomingWebhook(
  req: IncomingMessage,
  rawBody: Buffer,
  options: { publicUrl?: string; trustProxy: boolean },
): IncomingWebhook {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const target = requestTarget(req);
  const query: Record<string, string> = {};
  const search = target.indexOf('?');
  if (search >= 0) {
    for (const [key, value] of new URLSearchParams(target.slice(search + 1))) {
      query[key] ??= value;
    }
  }
  return {
    method: req.method ?? 'GET',
    url: options.publicUrl ?? requestUrl(req, target, headers, options.trustProxy),
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

/** `http://host:8080/path?q` → scheme, authority and the origin-form rest (`/path?q`). */
const ABSOLUTE_FORM = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

/**
 * The URL as the provider called it. X-Forwarded-* are only believed when the operator said the
 * gateway sits behind a proxy that sets them (http.trustProxy); otherwise a caller could choose
 * the URL that URL-signing providers' signatures are checked against. A target in absolute form
 * (`POST http://host/path`, as sent to a proxy) names its own scheme and host, which take the
 * place of the Host header (RFC 9112, section 3.2.2).
 */
function requestUrl(
  req: IncomingMessage,
  target: string,
  headers: Record<string, string>,
  trustProxy: boolean,
): string {
  const forwardedProto = trustProxy
    ? headers['x-forwarded-proto']?.split(',')[0].trim()
    : undefined;
  const forwardedHost = trustProxy ? headers['x-forwarded-host']?.split(',')[0].trim() : undefined;
  const absolute = ABSOLUTE_FORM.exec(target);
  const path = absolute ? absolute[3].replace(/^(?!\/)/, '/') : target;
  const proto =
    forwardedProto ||
    absolute?.[1].toLowerCase() ||
    ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  const host = forwardedHost || absolute?.[2] || headers.host || 'localhost';
  return `${proto}://${host}${path}`;
}
