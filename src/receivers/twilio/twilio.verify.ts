import type { VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import type { TwilioParams } from './twilio.params';
import { bodyHashMatches, verifyTwilioSignature } from './twilio.signature';
import { urlWithBodyHash } from './twilio.url';

export type TwilioSignedRequest =
  | {
      readonly mode: 'form';
      readonly signature: string | undefined;
      /** The URL Twilio called: the endpoint's publicUrl, or the request URL. */
      readonly url: string;
      readonly params: TwilioParams;
    }
  | {
      readonly mode: 'json';
      readonly signature: string | undefined;
      readonly url: string;
      /** The query the request carried, for a `bodySHA256` that publicUrl cannot contain. */
      readonly query: Readonly<Record<string, string | undefined>>;
      readonly body: Buffer;
    };

/** Check a Twilio request: the URL (and form params) signature, then the JSON body hash. */
export function verifyTwilioRequest(
  request: TwilioSignedRequest,
  authTokens: readonly string[],
): VerifyResult {
  if (!request.signature) return refuse('X-Twilio-Signature is missing.');

  if (request.mode === 'form') {
    const secretIndex = verifyTwilioSignature(
      request.signature,
      request.url,
      request.params,
      authTokens,
    );
    return secretIndex >= 0 ? { ok: true, secretIndex } : refuse(mismatch(request.url));
  }

  const url = urlWithBodyHash(request.url, request.query);
  if (!url)
    return refuse(
      'A JSON body is signed through ?bodySHA256= in the URL, and the request has none.',
    );
  const secretIndex = verifyTwilioSignature(request.signature, url, {}, authTokens);
  if (secretIndex < 0) return refuse(mismatch(url));
  if (!bodyHashMatches(url, request.body))
    return refuse('The body does not match the signed bodySHA256.');
  return { ok: true, secretIndex };
}

function mismatch(url: string): string {
  return (
    `The signature does not match ${url} and the parameters under any configured auth token ` +
    '(set the endpoint publicUrl to the URL configured in Twilio, query string included).'
  );
}
