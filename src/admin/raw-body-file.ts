import { mediaType } from '../pipeline/incoming-request';

/**
 * The file extension of a downloaded raw body, from its stored content type. Receivers accept a
 * handful of media types (JSON and its `+json` kinds, forms, XML, text, multipart); anything
 * else, or no type, is `bin`.
 */
export function rawBodyExtension(contentType: string | null): string {
  const type = mediaType(contentType ?? undefined) ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  // A form body is text (name=value&...): readable as it is.
  if (type === 'application/x-www-form-urlencoded' || type.startsWith('text/')) return 'txt';
  return 'bin';
}
