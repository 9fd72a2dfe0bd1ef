import { parseToleranceSeconds, rejectUnknownOptions } from '../shared/options';

/**
 * @contentful/node-apps-toolkit's verifyRequest refuses requests 30 s old by default
 * (src/requests/verify-request.ts); so does the gateway, in both directions.
 */
export const CONTENTFUL_DEFAULT_TOLERANCE_SECONDS = 30;

export interface ContentfulOptions {
  readonly toleranceSeconds: number;
}

export function parseContentfulOptions(
  options: Record<string, unknown> | undefined,
): ContentfulOptions {
  rejectUnknownOptions(options, 'Contentful', ['toleranceSeconds']);
  const value = options?.toleranceSeconds;
  return {
    toleranceSeconds:
      value === undefined ? CONTENTFUL_DEFAULT_TOLERANCE_SECONDS : parseToleranceSeconds(value),
  };
}
