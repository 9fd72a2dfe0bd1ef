import { MalformedBodyError } from '../../errors/webhook-errors';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 strictly: invalid byte sequences are a malformed body, not U+FFFD. */
export function decodeUtf8(raw: Buffer): string {
  try {
    return strictUtf8.decode(raw);
  } catch {
    throw new MalformedBodyError('the body is not valid UTF-8');
  }
}

/**
 * Deeper JSON is refused: every later JSON.stringify (admin API, forwards) would overflow the
 * stack.
 */
export const MAX_JSON_DEPTH = 512;

export function parseJsonBody(raw: Buffer): unknown {
  const text = decodeUtf8(raw);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new MalformedBodyError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedBodyError(`invalid JSON (${(error as Error).message})`);
  }
}

/**
 * One pass over the text counting open brackets outside strings; stops as soon as it passes
 * `limit`. Strings (most of a payload's bytes) are skipped with indexOf, not char by char
 * (docs/adr/0013-json-depth-check-skips-strings.md).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = closingQuote(text, i);
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Index of the quote that closes the string opened at `open` (the text's length if none). */
function closingQuote(text: string, open: number): number {
  for (
    let quote = text.indexOf('"', open + 1);
    quote !== -1;
    quote = text.indexOf('"', quote + 1)
  ) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote; // an odd count escapes this quote
  }
  return text.length;
}

/** A JSON body whose top level must be an object (almost every provider's envelope). */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  const value = parseJsonBody(raw);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedBodyError('expected a JSON object at the top level');
  }
  return value as Record<string, unknown>;
}

/**
 * Decode `application/x-www-form-urlencoded`. A repeated key keeps its last value, as most
 * provider SDKs do; receivers that need every value read `parseFormEntries`.
 */
export function parseFormBody(raw: Buffer): Record<string, string> {
  return Object.fromEntries(parseFormEntries(raw));
}

export function parseFormEntries(raw: Buffer): [string, string][] {
  return [...new URLSearchParams(decodeUtf8(raw)).entries()];
}

/** Read a nested string field without trusting the payload's shape. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}
