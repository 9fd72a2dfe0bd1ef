import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../../receiver';
import type { HmacDescriptor } from './descriptor';
import { hmacReceiver } from './hmac-receiver';
import { acme, ACME } from './hmac-receiver.spec-helpers';

/*
 * What the hmacReceiver verify specs share. Every expected signature is computed here with
 * node:crypto, never with the code under test.
 */
export const SECRET = 'descriptor-secret';
export const BODY = Buffer.from(
  '{"event":{"type":"thing.created","id":"evt_1"},"sentAt":1796644800000}',
);
export const NOW = new Date('2026-12-07T12:00:00.000Z');
export const T = String(NOW.getTime() / 1000); // seconds
export const MS = String(NOW.getTime());
export const ISO = '2026-12-07T12:00:00.000Z';
export const URL = 'https://hooks.example.com/webhooks/acme/main';
export const KEY = randomBytes(24);

export type Alg = 'sha1' | 'sha256' | 'sha512';
export const mac = (content: string | Buffer, alg: Alg = 'sha256', key: string | Buffer = SECRET) =>
  createHmac(alg, key).update(content);
export const hex = (content: string | Buffer, alg?: Alg, key?: string | Buffer) =>
  mac(content, alg, key).digest('hex');
export const b64 = (content: string | Buffer, alg?: Alg, key?: string | Buffer) =>
  mac(content, alg, key).digest('base64');
export const withBody = (prefix: string, suffix = '') =>
  Buffer.concat([Buffer.from(prefix), BODY, Buffer.from(suffix)]);

export const base = ACME;
export const d = acme;
export const sig = (over: Partial<HmacDescriptor['signature']>) =>
  d({ signature: { ...base.signature, ...over } });
export const stripeLike = d({
  signature: {
    headers: ['Acme-Signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 't', unit: 's' },
});
export const tsHeader = (unit: 's' | 'ms' | 'iso8601', toleranceSeconds?: number) =>
  d({
    signedContent: '{timestamp}{body}',
    timestamp: { header: 'X-Acme-Timestamp', unit, toleranceSeconds },
  });
export const whsec = d({
  key: { encoding: 'base64', stripPrefix: 'whsec_' },
  signature: {
    headers: ['Webhook-Signature'],
    encoding: 'base64',
    list: { separator: ' ', keyValue: ',', signatureKey: 'v1' },
  },
  signedContent: '{id}.{timestamp}.{body}',
  timestamp: { header: 'Webhook-Timestamp', unit: 's' },
  id: { header: 'Webhook-Id' },
});
export const hubspotLike = d({
  signature: { headers: ['X-Acme-Signature-V3'], encoding: 'base64' },
  signedContent: '{method}{url}{body}{timestamp}',
  timestamp: { header: 'X-Acme-Timestamp', unit: 'ms' },
});

/** A SHA-256 header, and a legacy SHA-1 one accepted only with options.allowSha1 (Meta). */
export const hubLike = d({
  signature: { headers: ['X-Acme-Signature-256'], encoding: 'hex', prefix: 'sha256=' },
  legacySignature: {
    algorithm: 'sha1',
    signature: { headers: ['X-Acme-Signature'], encoding: 'hex', prefix: 'sha1=' },
    option: 'allowSha1',
  },
});

export function verify(
  descriptor: HmacDescriptor,
  headers: Record<string, string>,
  { secrets = [SECRET], options = {}, body = BODY, now = NOW } = {},
): VerifyResult {
  const req: IncomingWebhook = {
    method: 'POST',
    url: URL,
    query: {},
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: body,
    contentType: 'application/json',
  };
  return hmacReceiver(descriptor).verify(req, { secrets, options, now }) as VerifyResult;
}
