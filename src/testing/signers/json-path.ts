/** The value at a dotted path of a JSON body (`event.id`), or undefined. */
export function readJsonPath(body: Buffer, path: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of a plain object with `path` set to `value` (missing levels made). */
export function writeJsonPath(payload: unknown, path: string, value: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const [head, ...rest] = path.split('.');
  const record = payload as Record<string, unknown>;
  return {
    ...record,
    [head]: rest.length === 0 ? value : writeJsonPath(record[head] ?? {}, rest.join('.'), value),
  };
}
