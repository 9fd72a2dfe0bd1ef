/**
 * The URL Twilio signed. Its back end is not consistent about an explicit default port, so
 * twilio-node accepts the URL with and without `:443` / `:80`, both as received and as
 * normalized by WHATWG `URL`; so does the gateway. A non-default port is never dropped.
 */
export function twilioUrlVariants(url: string): string[] {
  const variants = [url, withoutDefaultPort(url), withDefaultPort(url)];
  const normalized = normalize(url);
  if (normalized) variants.push(normalized, withDefaultPort(normalized));
  return [...new Set(variants)];
}

/**
 * For JSON bodies Twilio appends `bodySHA256=<hex>` to the configured URL. When the endpoint's
 * `publicUrl` stands in for the request URL it lacks that per-request parameter, so it is put
 * back from the query the request actually carried. Returns undefined when there is none.
 */
export function urlWithBodyHash(
  url: string,
  query: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (bodyHashOf(url) !== undefined) return url;
  const hash = query.bodySHA256;
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) return undefined;
  return `${url}${url.includes('?') ? '&' : '?'}bodySHA256=${hash}`;
}

export function bodyHashOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('bodySHA256') ?? undefined;
  } catch {
    return undefined;
  }
}

interface UrlParts {
  scheme: string;
  authorityWithoutPort: string;
  port: string;
  rest: string;
}

/** Split without normalizing: the path and query must keep the exact characters Twilio signed. */
function split(url: string): UrlParts | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!match) return undefined;
  const [, scheme, authority, rest] = match;
  const hostStart = authority.lastIndexOf('@') + 1;
  const colon = authority.lastIndexOf(':');
  // A colon inside an IPv6 literal or the user info is not a port separator.
  const hasPort =
    colon >= hostStart &&
    colon > authority.lastIndexOf(']') &&
    /^\d+$/.test(authority.slice(colon + 1));
  return {
    scheme,
    authorityWithoutPort: hasPort ? authority.slice(0, colon) : authority,
    port: hasPort ? authority.slice(colon + 1) : '',
    rest,
  };
}

function defaultPort(scheme: string): string | undefined {
  const name = scheme.slice(0, -3).toLowerCase();
  return name === 'https' ? '443' : name === 'http' ? '80' : undefined;
}

function withoutDefaultPort(url: string): string {
  const parts = split(url);
  if (!parts || !parts.port || parts.port !== defaultPort(parts.scheme)) return url;
  return parts.scheme + parts.authorityWithoutPort + parts.rest;
}

function withDefaultPort(url: string): string {
  const parts = split(url);
  const port = parts && defaultPort(parts.scheme);
  if (!parts || parts.port || !port) return url;
  return `${parts.scheme}${parts.authorityWithoutPort}:${port}${parts.rest}`;
}

function normalize(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
