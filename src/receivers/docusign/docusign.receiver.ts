import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { normalizeDocusignMessage } from './docusign.events';

/** DocuSign sends one header per active Connect HMAC key: `-1`, `-2`, … (up to 100). */
const SIGNATURE_HEADERS = Array.from({ length: 100 }, (_, i) => `X-DocuSign-Signature-${i + 1}`);

/**
 * DocuSign Connect with HMAC: `X-DocuSign-Signature-<n>: <base64 HMAC-SHA256 of the body>`, one
 * header per active Connect key; any may match any configured key
 * (developers.docusign.com/platform/webhooks/connect/validate; docusign/code-examples-node
 * `lib/connect/examples/validateWebhookMessage.js`). JSON messages only (SIM or aggregate).
 */
export const docusignDescriptor: HmacDescriptor = {
  name: 'docusign',
  title: 'DocuSign',
  algorithm: 'sha256',
  signature: { headers: SIGNATURE_HEADERS, encoding: 'base64' },
  messages: {
    missing:
      'X-DocuSign-Signature-1 is missing: turn on "Include HMAC Signature" in the Connect configuration.',
    mismatch: 'No X-DocuSign-Signature-<n> matches the body under any configured Connect key.',
  },
  normalize: normalizeDocusignMessage,
};

export type DocusignOptions = HmacOptions;
export const docusignReceiver = hmacReceiver(docusignDescriptor);
