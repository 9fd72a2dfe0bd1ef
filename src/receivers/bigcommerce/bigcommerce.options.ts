import { HEADER_NAME } from '../shared/event-fields';
import { rejectUnknownOptions } from '../shared/options';

/** Which of the hook's custom `headers` carries the shared secret. */
export interface BigCommerceOptions {
  readonly header: string;
}

/**
 * `options.header` is required: BigCommerce sends whatever `headers` object the hook was created
 * with, so only the endpoint knows which one holds the secret.
 */
export function parseBigCommerceOptions(
  options: Record<string, unknown> | undefined,
): BigCommerceOptions {
  rejectUnknownOptions(options, 'BigCommerce', ['header']);
  const header = options?.header;
  if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
    throw new Error(
      'options.header is required: the name of the header set in the hook\'s "headers" that carries the secret (e.g. X-Webhook-Token).',
    );
  }
  return { header };
}
