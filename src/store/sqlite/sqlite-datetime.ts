/**
 * TypeORM's `datetime` format on SQLite: UTC text with milliseconds ("YYYY-MM-DD HH:MM:SS.sss"),
 * which also sorts and compares correctly as text. Raw statements use the same, so rows written
 * either way compare alike.
 */
export function sqliteDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}
