/**
 * `{provider}`, `{endpoint}` and `{type}` in a subject, routing key or stream key, filled per
 * delivery. Each broker decides which characters of a value it must map (see its own file).
 */
export const PLACEHOLDERS = ['provider', 'endpoint', 'type'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

const ANY_PLACEHOLDER = /\{([^{}]*)\}/g;

/** The `{names}` in `template` that are not placeholders Hookgate fills. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(ANY_PLACEHOLDER)]
    .map((match) => match[1])
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/** `template` with each placeholder replaced by its value, passed through `clean`. */
export function fillPlaceholders(
  template: string,
  values: PlaceholderValues,
  clean: (value: string) => string = (value) => value,
): string {
  return template.replace(ANY_PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? clean(values[name as Placeholder]) : whole,
  );
}
