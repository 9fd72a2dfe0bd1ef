import { defaultPortVariants, withDefaultPort } from '../shared/url-variants';

/**
 * The URL Twilio signed. Its back end is not consistent about an explicit default port, so
 * twilio-node accepts the URL with and without `:443` / `:80`, both as received and as
 * normalized by WHATWG `URL`; so does the gateway. A non-default port is never dropped.
 */
export function twilioUrlVariants(url: string): string[] {
  const variants = defaultPortVariants(url);
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

function normalize(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
