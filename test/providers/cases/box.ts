import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

// The body of box-node-sdk's published vectors (a FILE.UPLOADED event).
const FILE_UPLOADED = providerFixture('box', 'sdk-vector.json');
const DELIVERY_ID = 'f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f';
const PRIMARY_KEY = 'box-e2e-primary-signature-key';
const SECONDARY_KEY = 'box-e2e-secondary-signature-key';

/** Box's timestamps are ISO-8601 with an offset (`2020-01-01T00:00:00-07:00`). */
const boxTimestamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const sign = (key: string, body: Buffer, timestamp: string) =>
  createHmac('sha256', key).update(body).update(timestamp).digest('base64');

/**
 * Signed as box-node-sdk checks it, with node:crypto: base64 HMAC-SHA256 of body + timestamp,
 * once per key. Unless a case names one key, both are signed, each in its own header.
 */
export const boxCase = signedJsonCase({
  name: 'Box',
  provider: 'box',
  endpoint: 'files',
  secrets: [PRIMARY_KEY, SECONDARY_KEY],
  foreignSecret: () => 'another-box-app-key',
  fixture: FILE_UPLOADED,
  headers: ({ body, at, secret, key }) => {
    const timestamp = boxTimestamp(at);
    const both = secret === SECONDARY_KEY;
    return {
      'box-delivery-id': key ?? DELIVERY_ID,
      'box-delivery-timestamp': timestamp,
      'box-signature-algorithm': 'HmacSHA256',
      'box-signature-version': '1',
      'box-signature-primary': sign(both ? PRIMARY_KEY : secret, body, timestamp),
      ...(both && { 'box-signature-secondary': sign(SECONDARY_KEY, body, timestamp) }),
    };
  },
  signatureHeaders: ['box-signature-primary', 'box-signature-secondary'],
  documented: {
    type: 'FILE.UPLOADED',
    providerDeliveryId: DELIVERY_ID,
    payload: JSON.parse(FILE_UPLOADED.toString()),
  },
  tampering: { label: 'another file name after signing', from: 'Test.txt', to: 'Evil.txt' },
  // Box allows 600 s; the contract's offsets (±360 s) need a narrower window, set here.
  endpointExtras: { options: { toleranceSeconds: 300 } },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"trigger":' },
    { label: 'has no trigger', body: '{"type":"webhook_event"}', message: /trigger/ },
  ],
});
