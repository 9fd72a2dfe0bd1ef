import { HEADER_NAME, parseEventFields, type EventFieldOptions } from '../shared/event-fields';
import { rejectUnknownOptions } from '../shared/options';

/** Where a `provider: token` endpoint's shared secret arrives: one header or one query parameter. */
export type TokenOptions = EventFieldOptions &
  ({ readonly header: string } | { readonly query: string });

const KNOWN = ['header', 'query', 'idFrom', 'typeFrom'];

/** `{ header: X-Api-Key }` or `{ query: code }`, exactly one; plus `idFrom` and `typeFrom`. */
export function parseTokenOptions(raw: Record<string, unknown> | undefined): TokenOptions {
  const options = raw ?? {};
  rejectUnknownOptions(options, 'token', KNOWN);
  const fields = parseEventFields(options);
  const { header, query } = options;
  if ((header === undefined) === (query === undefined)) {
    throw new Error(
      'options.header or options.query is required, exactly one: the header (X-Api-Key) or the query parameter (code) that carries the token.',
    );
  }
  if (header !== undefined) {
    if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
      throw new Error('options.header must be an HTTP header name (e.g. X-Api-Key).');
    }
    return { header, ...fields };
  }
  if (typeof query !== 'string' || !/^[A-Za-z0-9._~-]{1,64}$/.test(query)) {
    throw new Error('options.query must be a query parameter name (e.g. code).');
  }
  return { query, ...fields };
}
