/**
 * TypeORM's `datetime` format on SQLite: UTC text with milliseconds ("2026-11-28 04:12:56.123"),
 * which also sorts and compares correctly as text. Raw statements use the same, so rows written
 * either way compare alike.
 */
export function sqliteDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}

/** A timestamp as a raw statement returns it: a Date (PostgreSQL) or SQLite's UTC text. */
export function storedDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}
