import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase } from '../provider-case';

export const plivoFixture = (name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers/plivo/fixtures', name));
export const PLIVO_FORM = 'application/x-www-form-urlencoded';
const TOKEN = 'plivo-auth-token-current';
const OLD_TOKEN = 'plivo-auth-token-previous';
export const PLIVO_PATH = '/webhooks/plivo/sms?app=demo';
export const PLIVO_PUBLIC_URL = 'https://hooks.example.com/webhooks/plivo/sms?app=demo';
const UUID = '2c4e8a4e-3a36-11ef-9f2f-0242ac110002';
const INBOUND_SMS = plivoFixture('inbound-sms.txt');

const hmacB64 = (token: string, data: string) =>
  createHmac('sha256', token).update(data, 'utf8').digest('base64');

/** key=value pairs in code-unit order, a repeated key's values sorted (Plivo's docs, SDK). */
function sorted(pairs: [string, string][], separator: string): string[] {
  return pairs
    .slice()
    .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1))
    .map(([k, v]) => k + separator + v);
}

/**
 * X-Plivo-Signature-V3 as docs.plivo.com "Signature validation-V3" describes it (and plivo-node
 * `construct_post_url` builds it): URL without query, `?` + sorted query, `.` when both query
 * and POST params, the sorted POST params as key+value, then `.` + nonce.
 */
export function plivoV3(token: string, url: string, nonce: string, body: Buffer): string {
  const [base, search = ''] = url.split('#')[0].split('?');
  const query = sorted([...new URLSearchParams(search)], '=').join('&');
  const posted = [...new URLSearchParams(body.toString('utf8'))];
  let data = base;
  if (query || posted.length > 0) data += `?${query}`;
  if (query && posted.length > 0) data += '.';
  data += sorted(posted, '').join('');
  return hmacB64(token, `${data}.${nonce}`);
}

/** X-Plivo-Signature-V2: the URL without query, then the nonce (Plivo's V2 docs). */
export function plivoV2(token: string, url: string, nonce: string): string {
  return hmacB64(token, url.split('#')[0].split('?')[0] + nonce);
}

export const plivoV3Headers = (body: Buffer, token: string, nonce = '31627645209827371890') => ({
  'content-type': PLIVO_FORM,
  'x-plivo-signature-v3': plivoV3(token, PLIVO_PUBLIC_URL, nonce, body),
  'x-plivo-signature-v3-nonce': nonce,
});

export const plivoCase: ProviderCase = {
  name: 'Plivo',
  provider: 'plivo',
  endpoint: 'sms',
  app: () => ({
    endpoint: {
      provider: 'plivo',
      id: 'sms',
      secrets: [TOKEN, OLD_TOKEN],
      publicUrl: PLIVO_PUBLIC_URL,
    },
  }),
  sign: ({ key, body, secret, attempt }) => {
    const sent =
      body ?? (key ? Buffer.from(INBOUND_SMS.toString().replaceAll(UUID, key)) : INBOUND_SMS);
    // Every request Plivo sends, retries included, carries a fresh nonce.
    return {
      path: PLIVO_PATH,
      headers: plivoV3Headers(sent, secret ?? TOKEN, `0542956780446609162${attempt ?? 1}`),
      body: sent,
    };
  },
  secrets: [TOKEN, OLD_TOKEN],
  foreignSecret: { make: () => 'not-the-plivo-token', message: /publicUrl/ },
  signatureHeaders: ['x-plivo-signature-v3', 'x-plivo-signature-v3-nonce'],
  secretHeaders: [],
  documented: {
    type: 'message',
    providerDeliveryId: UUID,
    payload: Object.fromEntries(new URLSearchParams(INBOUND_SMS.toString())),
    payloadIncludes: { Text: 'Hello, café at 5+1?', From: '14155552671', MessageUUID: UUID },
  },
  // Message and answer URLs read the reply as Plivo XML: an empty <Response/> does nothing.
  acknowledgement: { contentType: 'text/xml; charset=utf-8', text: '<Response/>' },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 40_000 },
  tamperings: [
    {
      label: 'signed over other params',
      signedBody: Buffer.from(`${INBOUND_SMS}&Extra=1`),
      sentBody: INBOUND_SMS,
    },
  ],
  timestampWindow: notApplicable('Plivo signs a nonce, no timestamp'),
  otherRefusedContentTypes: ['application/json'],
  malformed: [
    {
      label: 'names no message, call or event',
      request: () => {
        const body = Buffer.from('From=14155552671&To=14155550100');
        return { path: PLIVO_PATH, headers: plivoV3Headers(body, TOKEN), body };
      },
      message: /MessageUUID, CallUUID/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
