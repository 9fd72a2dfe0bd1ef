import { HEADER_NAME } from '../shared/event-fields';
import { rejectUnknownOptions } from '../shared/options';

/** Where the shared secret arrives: a delivery property (header) or the URL's query. */
export type EventGridOptions = { readonly header: string } | { readonly query: string };

/**
 * Exactly one of `header` (a static delivery property marked secret,
 * learn.microsoft.com azure/event-grid/delivery-properties) and `query` (a secret query
 * parameter of the endpoint URL, azure/event-grid/security-authentication).
 */
export function parseEventGridOptions(
  options: Record<string, unknown> | undefined,
): EventGridOptions {
  rejectUnknownOptions(options, 'Azure Event Grid', ['header', 'query']);
  const { header, query } = options ?? {};
  if ((header === undefined) === (query === undefined)) {
    throw new Error(
      'options.header or options.query is required, exactly one: the delivery property (header) or the query parameter of the endpoint URL that carries the secret.',
    );
  }
  if (header !== undefined) {
    if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
      throw new Error('options.header must be an HTTP header name (e.g. X-Event-Grid-Secret).');
    }
    return { header };
  }
  if (typeof query !== 'string' || !/^[A-Za-z0-9._~-]{1,64}$/.test(query)) {
    throw new Error('options.query must be a query parameter name (e.g. code).');
  }
  return { query };
}
