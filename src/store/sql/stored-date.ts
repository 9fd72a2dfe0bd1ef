/**
 * A timestamp as a raw statement returns it: a Date (PostgreSQL's driver parses timestamptz)
 * or SQLite's UTC text, which TypeORM writes without a zone ("YYYY-MM-DD HH:MM:SS.sss").
 */
export function storedDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}
