import type { VerifyResult } from '../receiver';
import { decodeUtf8 } from '../shared/body';
import { refuse } from '../shared/refusal';
import { fetchOrUnavailable, type Fetcher } from '../shared/fetch/fetcher';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';
import type { ClientCredentials, PaypalAccessTokens } from './paypal.oauth';
import type { Transmission } from './paypal.transmission';

/**
 * The request body of `POST /v1/notifications/verify-webhook-signature`. `webhook_event` must be
 * the event itself, not a string; the raw body is spliced in as is (after checking it is one JSON
 * object, so it cannot smuggle extra keys), so PayPal sees the exact bytes it sent rather than a
 * re-serialization that could differ in number formatting or escapes.
 */
export function postbackRequestBody(
  transmission: Transmission,
  webhookId: string,
  rawBody: Buffer,
): string | undefined {
  const text = decodeUtf8(rawBody);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const fields = JSON.stringify({
    auth_algo: transmission.authAlgo,
    cert_url: transmission.certUrl,
    transmission_id: transmission.id,
    transmission_sig: transmission.signature,
    transmission_time: transmission.time,
    webhook_id: webhookId,
  });
  return `${fields.slice(0, -1)},"webhook_event":${text}}`;
}

export interface PostbackDeps {
  readonly fetcher: Fetcher;
  readonly tokens: PaypalAccessTokens;
}

/** Ask PayPal whether it signed this transmission; SUCCESS is the only yes. */
export async function verifyByPostback(
  deps: PostbackDeps,
  credentials: ClientCredentials,
  transmission: Transmission,
  webhookId: string,
  rawBody: Buffer,
  now: Date,
): Promise<VerifyResult> {
  let body: string | undefined;
  try {
    body = postbackRequestBody(transmission, webhookId, rawBody);
  } catch {
    body = undefined; // not UTF-8
  }
  if (body === undefined) {
    return refuse('Postback verification needs a JSON object body.');
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await deps.tokens.get(credentials, now);
    const response = await fetchOrUnavailable(
      deps.fetcher,
      `${credentials.apiBase}/v1/notifications/verify-webhook-signature`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body,
      },
      { what: "Calling PayPal's verify-webhook-signature", provider: 'PayPal' },
    );
    if (response.status === 401) {
      // The cached token was revoked or expired early: get a fresh one, once.
      deps.tokens.invalidate(credentials);
      continue;
    }
    if (response.status === 400 || response.status === 422) {
      return refuse(`PayPal refused the verification request (${response.status}).`);
    }
    if (response.status !== 200) {
      throw new UpstreamUnavailableError(
        `PayPal's verify-webhook-signature answered ${response.status}.`,
      );
    }
    const answer = (await response.json().catch(() => undefined)) as
      { verification_status?: unknown } | undefined;
    if (answer?.verification_status === 'SUCCESS') return { ok: true, secretIndex: 0 };
    if (answer?.verification_status === 'FAILURE') {
      return refuse('PayPal says it did not sign this delivery (verification_status FAILURE).');
    }
    throw new UpstreamUnavailableError(
      "PayPal's verify-webhook-signature answered without a verification_status.",
    );
  }
  throw new UpstreamUnavailableError(
    "PayPal's verify-webhook-signature refused a fresh access token.",
  );
}
