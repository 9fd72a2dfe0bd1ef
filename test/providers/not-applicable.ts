import { isApplicable, type NotApplicable } from './provider-case';

/**
 * A case the row says does not apply: registered as skipped, with the reason in its title.
 * Skipped on purpose, not forgotten: each row writes why (`notApplicable('Trello signs no
 * timestamp')`), and the report lists the case by name with that reason.
 */
export function skipAsNotApplicable(title: string, { notApplicable }: NotApplicable): void {
  // Skipped with a written reason: the row's notApplicable text, shown in the test's title.
  it.skip(`${title} (not applicable: ${notApplicable})`, () => undefined);
}

/** `it`, or skipAsNotApplicable when the row's field says the case does not apply. */
export function itWhenApplicable<T extends object>(
  field: T | NotApplicable,
  title: string,
  test: (value: T) => Promise<void>,
): void {
  if (isApplicable(field)) it(title, () => test(field));
  else skipAsNotApplicable(title, field);
}
