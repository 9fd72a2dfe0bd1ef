import { HEADER_NAME } from '../shared/event-fields';

/** Readers for single option values; each error names the option (`options.header ...`). */

export function headerName(value: unknown, name: string, what: string): string {
  if (value === undefined) throw new Error(`options.${name} is required: ${what}.`);
  if (typeof value !== 'string' || !HEADER_NAME.test(value)) {
    throw new Error(`options.${name} must be an HTTP header name (${what}).`);
  }
  return value;
}

/** One header name, or a non-empty list of them (a sender with several signature headers). */
export function headerNames(value: unknown, name: string, what: string): string[] {
  if (!Array.isArray(value)) return [headerName(value, name, what)];
  if (
    value.length === 0 ||
    value.some((item) => typeof item !== 'string' || !HEADER_NAME.test(item))
  ) {
    throw new Error(`options.${name} must be an HTTP header name or a list of them (${what}).`);
  }
  return value as string[];
}

export function oneOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new Error(
    `options.${name} must be one of ${allowed.map(show).join(', ')} (default ${show(fallback)}).`,
  );
}

/** Words as they are; separators quoted, so `" "` is visible in a message. */
const show = (value: string) => (/^[a-z0-9]+$/i.test(value) ? value : JSON.stringify(value));

export function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new Error(`options.${name} must be a non-empty string.`);
  }
  return value;
}
