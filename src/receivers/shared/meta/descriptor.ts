import { parseJsonBody } from '../body';
import type { HmacDescriptor } from '../hmac/descriptor';
import { normalizeMeta } from './normalize';

/** An endpoint's options for a Meta provider (parsed by the descriptor's default parser). */
export interface MetaOptions {
  /** The Verify Token typed in the app dashboard, answered in the `hub.*` handshake. */
  readonly verifyToken: string;
  /** Accept the legacy SHA-1 `X-Hub-Signature` when no SHA-256 header is sent. Default false. */
  readonly allowSha1: boolean;
}

/**
 * Meta's one webhook scheme, shared by Instagram, WhatsApp and Messenger. A POST carries
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under the app secret>` (Meta's
 * WhatsApp SDK, WhatsApp/WhatsApp-Nodejs-SDK src/api/webhooks.ts; its Messenger sample,
 * fbsamples/messenger-platform-samples messenger-api/messenger-api-and-webhooks/app.py), and
 * may carry the older `X-Hub-Signature: sha1=<hex>` that Meta's earlier samples check
 * (fbsamples/graph-api-webhooks-samples heroku/index.js, fbsamples/original-coast-clothing
 * app.js): accepted only when an endpoint opts in. What is signed is the raw bytes: Meta
 * escapes non-ASCII as \uXXXX and `/` as `\/`, which a re-serialization would not reproduce.
 * A subscription is checked by `GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
 */
export function metaDescriptor(provider: {
  readonly name: string;
  readonly title: string;
  readonly aliases?: readonly string[];
  readonly ackDeadlineMs?: number;
}): HmacDescriptor<MetaOptions> {
  return {
    ...provider,
    algorithm: 'sha256',
    signature: { headers: ['X-Hub-Signature-256'], encoding: 'hex', prefix: 'sha256=' },
    legacySignature: {
      algorithm: 'sha1',
      signature: { headers: ['X-Hub-Signature'], encoding: 'hex', prefix: 'sha1=' },
      option: 'allowSha1',
    },
    messages: {
      mismatch: 'The signature does not match the body under any configured app secret.',
    },
    handshake: {
      kind: 'verify-token-query',
      params: { mode: 'hub.mode', token: 'hub.verify_token', challenge: 'hub.challenge' },
      mode: 'subscribe',
      option: 'verifyToken',
      optionHint: 'the Verify Token you typed in the Meta app dashboard',
    },
    // An object, or (as Meta's Instagram examples show it) an array of envelopes: see envelope.ts.
    parse: (req) => parseJsonBody(req.rawBody),
    normalize: normalizeMeta,
  };
}
