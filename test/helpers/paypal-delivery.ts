import { sign } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const TEST_WEBHOOK_ID = '8PT597110X687430L';
export const TEST_CERT_URL =
  'https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-test0001';

export interface PaypalDeliveryInput {
  body: Buffer;
  keyPem: string;
  now: Date;
  webhookId?: string;
  transmissionId?: string;
  certUrl?: string;
}

/**
 * Sign a delivery the way PayPal does, written here with node:crypto directly (not the
 * receiver's own helpers) so the tests check the receiver against an independent implementation.
 */
export function paypalHeaders(input: PaypalDeliveryInput): Record<string, string> {
  const transmissionId = input.transmissionId ?? `tx-${Math.random().toString(16).slice(2)}`;
  const time = input.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const message = `${transmissionId}|${time}|${input.webhookId ?? TEST_WEBHOOK_ID}|${crc32(input.body)}`;
  return {
    'content-type': 'application/json',
    'paypal-transmission-id': transmissionId,
    'paypal-transmission-time': time,
    'paypal-transmission-sig': sign('sha256', Buffer.from(message), input.keyPem).toString(
      'base64',
    ),
    'paypal-cert-url': input.certUrl ?? TEST_CERT_URL,
    'paypal-auth-algo': 'SHA256withRSA',
    'paypal-auth-version': 'v2',
  };
}

export interface FakeCall {
  url: string;
  init: RequestInit;
}

/**
 * A fetcher that answers from a table keyed by "METHOD url" and records every call, so a test
 * can assert that a refused URL was never requested.
 */
export function fakePaypalFetch(
  routes: Record<string, (init: RequestInit) => Response | Promise<Response>>,
) {
  const calls: FakeCall[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    const route = routes[`${init.method ?? 'GET'} ${url}`];
    if (!route) return new Response('not found', { status: 404 });
    return route(init);
  };
  return { fetch, calls };
}
