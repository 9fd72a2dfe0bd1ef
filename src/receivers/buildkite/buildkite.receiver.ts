import type { Receiver } from '../receiver';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Buildkite webhook notifications send the webhook's token one of two ways, as set in the
 * notification service (buildkite/docs `pages/apis/webhooks/_http_headers.md`,
 * `_verifying_hmac_signatures.md`):
 * - `X-Buildkite-Signature: timestamp=<seconds>,signature=<hex>`, the HMAC-SHA256 of
 *   `timestamp + "." + body` under the token, checked here with the 300 s window both ways
 *   (`_defending_against_replay_attacks.md` leaves the window to the receiver);
 * - `X-Buildkite-Token: <token>`, the token itself, compared in constant time and never stored.
 * The signature is checked when it is sent; the token only when no signature is.
 */
export const buildkiteDescriptor: HmacDescriptor = {
  name: 'buildkite',
  title: 'Buildkite',
  algorithm: 'sha256',
  signature: {
    headers: ['X-Buildkite-Signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'signature' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 'timestamp', unit: 's' },
  type: { header: 'X-Buildkite-Event' }, // build.scheduled, job.finished, ping
  // Buildkite sends no delivery id; the body names the build or job and its state.
  id: 'body-hash',
};

const TOKEN_HEADER = 'x-buildkite-token';
const signed = hmacReceiver(buildkiteDescriptor);

export type BuildkiteOptions = HmacOptions;
export const buildkiteReceiver: Receiver<BuildkiteOptions> = {
  ...signed,
  secretHeaders: [TOKEN_HEADER],
  verify(req, ctx) {
    if (req.headers['x-buildkite-signature'] !== undefined) return signed.verify(req, ctx);
    const token = req.headers[TOKEN_HEADER];
    if (!token) return refuse('X-Buildkite-Signature (or X-Buildkite-Token) is missing.');
    return matchedOr(
      matchAnySecret(ctx.secrets, [token], (secret) => secret),
      'X-Buildkite-Token does not match any configured token.',
    );
  },
};
