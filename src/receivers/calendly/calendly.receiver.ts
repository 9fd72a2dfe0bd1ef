import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { normalizeCalendlyEvent } from './calendly.events';

/**
 * Calendly webhook subscriptions made with a signing key send
 * `Calendly-Webhook-Signature: t=<seconds>,v1=<hex>`, HMAC-SHA256 of `t + "." + body`
 * (developer.calendly.com, "Webhook signatures"; the scheme was read in independent verifiers
 * only, see docs/providers.md). The window is the default 300 s both ways.
 */
export const calendlyDescriptor: HmacDescriptor = {
  name: 'calendly',
  title: 'Calendly',
  algorithm: 'sha256',
  signature: {
    headers: ['Calendly-Webhook-Signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 't', unit: 's' },
  normalize: normalizeCalendlyEvent,
};

export type CalendlyOptions = HmacOptions;
export const calendlyReceiver = hmacReceiver(calendlyDescriptor);
