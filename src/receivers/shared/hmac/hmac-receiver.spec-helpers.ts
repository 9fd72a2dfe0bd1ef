import type { HmacDescriptor } from './descriptor';

/** The descriptor both hmacReceiver specs vary: hex HMAC-SHA256 of the body, type at a path. */
export const ACME: HmacDescriptor = {
  name: 'acme',
  title: 'Acme',
  algorithm: 'sha256',
  signature: { headers: ['X-Acme-Signature'], encoding: 'hex' },
  type: { path: 'event.type' },
};

/** ACME with some fields replaced. */
export const acme = (over: Partial<HmacDescriptor>): HmacDescriptor => ({ ...ACME, ...over });
