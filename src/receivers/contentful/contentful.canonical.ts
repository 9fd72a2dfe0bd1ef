import { escape as escapeQuery } from 'node:querystring';

/**
 * The canonical request Contentful signs, as @contentful/node-apps-toolkit builds it
 * (src/requests/sign-request.ts, utils.ts): method, path, the signed headers as
 * `name:value` joined by `;` (names lower-cased, both trimmed, sorted by name), and the body,
 * joined by newlines.
 */
export interface CanonicalRequest {
  readonly method: string;
  /** Path and query as Contentful called them (the webhook URL's), not yet normalised. */
  readonly pathAndQuery: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/**
 * The path as the toolkit normalises it: the whole query escaped as one component (so `=` and
 * `&` become `%3D` and `%26`), then the result passed through encodeURI.
 */
export function normalizedPath(pathAndQuery: string): string {
  const [pathname, search] = pathAndQuery.split('?');
  const escaped = search ? escapeQuery(search) : '';
  return encodeURI(escaped ? `${pathname}?${escaped}` : pathname);
}

export function canonicalString(request: CanonicalRequest): string {
  const headers = [...request.headers]
    .sort(([a], [b]) => (a > b ? 1 : -1))
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
  return [request.method, normalizedPath(request.pathAndQuery), headers, request.body].join('\n');
}

/** The path and query of an absolute URL, as written (not re-encoded by WHATWG URL). */
export function pathAndQueryOf(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const withoutFragment = rest.split('#')[0];
  return withoutFragment.startsWith('/') ? withoutFragment : `/${withoutFragment}`;
}
