import { rejectUnknownOptions } from '../shared/options';

export interface PlivoOptions {
  /**
   * Whether a request signed only with V2 is accepted. V2 covers the URL and nonce but not the
   * POST parameters; Plivo's messaging callbacks carry V2 only, voice callbacks V3. An endpoint
   * that only receives voice callbacks can set `false` so a stripped V3 header cannot downgrade it.
   */
  readonly acceptV2: boolean;
}

export function parsePlivoOptions(options: Record<string, unknown> | undefined): PlivoOptions {
  rejectUnknownOptions(
    options,
    'Plivo',
    ['acceptV2'],
    'put the URL configured in Plivo in the endpoint publicUrl',
  );
  const acceptV2 = options?.acceptV2 ?? true;
  if (typeof acceptV2 !== 'boolean')
    throw new Error('options.acceptV2 must be true or false (default true).');
  return { acceptV2 };
}
