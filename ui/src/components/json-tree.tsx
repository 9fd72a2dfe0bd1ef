/** Most children one level shows; the raw download has the rest. */
const MAX_CHILDREN = 500;
/** Levels open at first; deeper ones open on demand. */
const OPEN_LEVELS = 3;

/**
 * A parsed JSON value as a tree of native <details>: each object and array folds with the
 * keyboard (Enter or Space on its summary), primitives are coloured by type.
 */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div class="json">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const label = name === null ? null : <span class="json__key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div class="json__leaf">
        {label}
        <Primitive value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((item, i) => [String(i), item] as const)
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div class="json__leaf">
        {label}
        <span class="json__punct">{open + close}</span>
      </div>
    );
  }
  const shown = entries.slice(0, MAX_CHILDREN);
  return (
    <details class="json__branch" open={depth < OPEN_LEVELS}>
      <summary>
        {label}
        <span class="json__punct">{open}</span>
        <span class="json__size">
          {entries.length} {Array.isArray(value) ? 'item' : 'key'}
          {entries.length === 1 ? '' : 's'}
        </span>
        <span class="json__punct">{close}</span>
      </summary>
      <div class="json__children">
        {shown.map(([key, item]) => (
          <JsonNode key={key} name={key} value={item} depth={depth + 1} />
        ))}
        {entries.length > shown.length && (
          <div class="muted">
            … {entries.length - shown.length} more (download the raw body for all)
          </div>
        )}
      </div>
    </details>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (value === null) return <span class="json__null">null</span>;
  if (typeof value === 'string') return <span class="json__string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span class="json__number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span class="json__boolean">{String(value)}</span>;
  return <span>{String(value)}</span>;
}
