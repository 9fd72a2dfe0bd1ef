import type { Receiver } from '../receiver';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { refuse } from '../shared/refusal';

/**
 * Box webhooks (v2): `box-signature-primary` and `box-signature-secondary`, each the base64
 * HMAC-SHA256 of `body + box-delivery-timestamp` under the app's primary and secondary key, so
 * either key can be rotated while the other still verifies (box/box-node-sdk v3
 * `src/managers/webhooks.ts` validateMessage). Both keys go in `secrets`; any key may match
 * either header. A message older than 10 minutes is refused there (MAX_MESSAGE_AGE); here
 * 600 s both ways.
 */
export const boxDescriptor: HmacDescriptor = {
  name: 'box',
  title: 'Box',
  algorithm: 'sha256',
  signature: { headers: ['box-signature-primary', 'box-signature-secondary'], encoding: 'base64' },
  signedContent: '{body}{timestamp}',
  timestamp: { header: 'box-delivery-timestamp', unit: 'iso8601', toleranceSeconds: 600 },
  type: { path: 'trigger' }, // FILE.UPLOADED, FOLDER.CREATED
  id: { header: 'box-delivery-id' },
  occurredAt: { path: 'created_at' },
};

/**
 * The version and algorithm headers name the scheme; box-node-sdk refuses a message whose
 * values are not `1` and `HmacSHA256` before it computes anything, so a future scheme is never
 * checked as this one.
 */
const SCHEME_HEADERS = { 'box-signature-version': '1', 'box-signature-algorithm': 'HmacSHA256' };

const signed = hmacReceiver(boxDescriptor);

export type BoxOptions = HmacOptions;
export const boxReceiver: Receiver<BoxOptions> = {
  ...signed,
  verify(req, ctx) {
    for (const [name, expected] of Object.entries(SCHEME_HEADERS)) {
      if (req.headers[name] !== expected) {
        return refuse(`${name} must be "${expected}", the only scheme Box documents.`);
      }
    }
    return signed.verify(req, ctx);
  },
};
