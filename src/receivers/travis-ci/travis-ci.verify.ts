import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import { readTravisDelivery } from './travis-ci.delivery';
import type { TravisKeySource } from './travis-ci.key-source';
import type { TravisCiOptions } from './travis-ci.options';
import { rsaPublicKey } from './travis-ci.public-key';

const signs = (payload: string, key: KeyObject, signature: Buffer) =>
  verifySignature('sha1', Buffer.from(payload, 'utf8'), key, signature);

/**
 * Check Travis's RSA-SHA1 signature over the `payload` field. With pinned keys (the endpoint's
 * `secrets`) nothing is fetched; otherwise the key is `/config`'s, fetched and cached by
 * `keys`, and looked up again (rate-limited) when the signature does not match it.
 */
export async function verifyTravisRequest(
  keys: TravisKeySource,
  req: IncomingWebhook,
  options: TravisCiOptions,
  secrets: readonly string[],
  now: Date,
): Promise<VerifyResult> {
  const delivery = readTravisDelivery(req);
  if (!delivery.ok) return refuse(delivery.message);
  const { payload, signature } = delivery;

  if (secrets.length > 0) {
    const index = secrets.findIndex((pem) => {
      const key = rsaPublicKey(pem);
      return key !== undefined && signs(payload, key, signature);
    });
    if (index >= 0) return { ok: true, secretIndex: index };
    return refuse(
      "The Signature does not match the payload with the endpoint's pinned public key(s); was the payload changed, or did Travis CI rotate its key? Update secrets from the API's /config, or remove them to fetch the key.",
    );
  }

  const key = await keys.current(options.configUrl, now);
  if (signs(payload, key, signature)) return { ok: true, secretIndex: 0 };
  const rotated = await keys.afterFailure(
    options.configUrl,
    key,
    options.keyRefetchSeconds * 1000,
    now,
  );
  if (rotated && signs(payload, rotated, signature)) return { ok: true, secretIndex: 0 };
  return refuse(
    `The Signature does not match the payload with the key from ${options.configUrl}; was the payload changed after Travis CI signed it, or do the builds run on another Travis CI (set options.apiUrl)?`,
  );
}
