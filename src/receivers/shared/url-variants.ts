/**
 * A signed URL with and without an explicit default port (`:443`, `:80`). Providers that sign
 * "the URL they called" (Twilio, Plivo) may or may not write the default port (twilio-node
 * accepts both), so both spellings are tried; a non-default port is never dropped. Path and
 * query keep the exact characters they were given.
 */
export function defaultPortVariants(url: string): string[] {
  return [...new Set([url, withoutDefaultPort(url), withDefaultPort(url)])];
}

export function withDefaultPort(url: string): string {
  const parts = split(url);
  const port = parts && defaultPort(parts.scheme);
  if (!parts || parts.port || !port) return url;
  return `${parts.scheme}${parts.authorityWithoutPort}:${port}${parts.rest}`;
}

function withoutDefaultPort(url: string): string {
  const parts = split(url);
  if (!parts || !parts.port || parts.port !== defaultPort(parts.scheme)) return url;
  return parts.scheme + parts.authorityWithoutPort + parts.rest;
}

interface UrlParts {
  scheme: string;
  authorityWithoutPort: string;
  port: string;
  rest: string;
}

/** Split without normalizing: the path and query must keep the exact characters signed. */
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
