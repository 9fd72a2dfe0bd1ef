import { IsISO8601, Matches } from 'class-validator';

/** A date, or a date-time with Z or an offset: never local time, which depends on the server. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i;

/** An instant in a query: checked as ISO 8601 and for an explicit zone. */
export function IsInstant(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true })(target, key);
    Matches(INSTANT, {
      message: `${String(key)} must be a date or a date-time with Z or an offset (ISO 8601)`,
    })(target, key);
  };
}
