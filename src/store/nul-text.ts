/**
 * PostgreSQL text (varchar, and strings inside jsonb) cannot hold U+0000; SQLite can. Text the
 * store keeps from a request (type, delivery id, headers) has its NULs replaced by U+FFFD on
 * every engine, so a signed delivery with a NUL in its `action` is stored (not refused with a
 * 503 forever) and looks the same on both. The raw body keeps its exact bytes either way.
 */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

export function headersWithoutNul(headers: Record<string, string>): Record<string, string> {
  const values = Object.entries(headers);
  if (!values.some(([name, value]) => name.includes('\u0000') || value.includes('\u0000')))
    return headers;
  return Object.fromEntries(values.map(([name, value]) => [withoutNul(name), withoutNul(value)]));
}

/** A filter value with a NUL matches nothing stored (and PostgreSQL would reject the query). */
export function hasNul(...values: (string | undefined)[]): boolean {
  return values.some((value) => value?.includes('\u0000'));
}
