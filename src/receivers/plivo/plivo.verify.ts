import type { VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import type { FormParams } from '../shared/sorted-params';
import { matchAnySecret } from '../shared/timing-safe';
import { defaultPortVariants } from '../shared/url-variants';
import type { PlivoOptions } from './plivo.options';
import { plivoV2Content, plivoV3Content, signPlivo } from './plivo.signature';

export interface PlivoSignedRequest {
  /** The URL Plivo called: the endpoint's publicUrl, or the request URL. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The decoded POST parameters. */
  readonly params: FormParams;
}

type Version = 'V2' | 'V3';

/**
 * V3 wins when its header is there: it also covers the query and the POST parameters, where V2
 * covers only the URL. A failing V3 is refused, never retried as V2. `X-Plivo-Signature-Ma-*`
 * is the same signature made with the main account's token, so either header may match.
 */
export function verifyPlivoRequest(
  request: PlivoSignedRequest,
  authTokens: readonly string[],
  options: PlivoOptions,
): VerifyResult {
  const h = request.headers;
  if (h['x-plivo-signature-v3'] || h['x-plivo-signature-ma-v3'])
    return check(request, authTokens, 'V3');
  if (h['x-plivo-signature-v2'] || h['x-plivo-signature-ma-v2']) {
    if (!options.acceptV2)
      return refuse(
        'The request carries only X-Plivo-Signature-V2 and this endpoint accepts V3 only ' +
          '(options.acceptV2 is false; messaging callbacks are signed with V2).',
      );
    return check(request, authTokens, 'V2');
  }
  return refuse(
    'Neither X-Plivo-Signature-V3 nor X-Plivo-Signature-V2 is present: the request was not ' +
      'signed by Plivo.',
  );
}

function check(request: PlivoSignedRequest, tokens: readonly string[], version: Version) {
  const nonce = request.headers[`x-plivo-signature-${version.toLowerCase()}-nonce`];
  if (!nonce) return refuse(`X-Plivo-Signature-${version}-Nonce is missing.`);
  const candidates = signaturesOf(request.headers, version);
  // Plivo may write the default port or not; both spellings are tried, other ports never.
  for (const url of defaultPortVariants(request.url)) {
    const content =
      version === 'V3' ? plivoV3Content(url, nonce, request.params) : plivoV2Content(url, nonce);
    const index = matchAnySecret(tokens, candidates, (token) => signPlivo(token, content));
    if (index >= 0) return { ok: true as const, secretIndex: index };
  }
  return refuse(
    `X-Plivo-Signature-${version} does not match ${request.url} ` +
      `${version === 'V3' ? 'and the POST parameters ' : ''}under any configured auth token ` +
      '(set the endpoint publicUrl to the URL configured in Plivo, query string included, and ' +
      "put the account's or subaccount's Auth Token in secrets).",
  );
}

/** V3 headers may hold several comma-separated signatures (plivo-node splits on `,`). */
function signaturesOf(
  headers: Readonly<Record<string, string | undefined>>,
  version: Version,
): string[] {
  const v = version.toLowerCase();
  const values = [headers[`x-plivo-signature-${v}`], headers[`x-plivo-signature-ma-${v}`]];
  const split = (value: string) =>
    version === 'V3' ? value.split(',').map((s) => s.trim()) : [value];
  return values.flatMap((value) => (value ? split(value) : [])).filter((s) => s !== '');
}
