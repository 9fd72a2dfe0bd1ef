import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fakePaypalFetch,
  paypalHeaders,
  TEST_CERT_URL,
  TEST_WEBHOOK_ID,
} from '../../../test/helpers/paypal-delivery';
import { paypalTestPki } from '../../../test/helpers/paypal-pki';
import type { IncomingWebhook, ReceiverContext, VerifyResult } from '../receiver';
import { parsePaypalOptions, type PaypalOptions } from './paypal.options';

// Fixtures shared by the paypal.receiver.*.spec.ts files. Not a spec (jest runs only *.spec.ts),
// and left out of the build by tsconfig.build.json, since it reaches test/helpers and jest's expect.

export const DAY = 24 * 60 * 60 * 1000;
export const body = readFileSync(join(__dirname, 'fixtures/payment-capture-completed.json'));
export const pki = paypalTestPki();
// A little after the test certificates were made, so they are valid.
export const NOW = new Date(Date.now() + 60_000);

export function request(headers: Record<string, string>, rawBody: Buffer = body): IncomingWebhook {
  return {
    method: 'POST',
    url: '/webhooks/paypal/shop',
    query: {},
    headers,
    rawBody,
    contentType: 'application/json',
  };
}

export function context(
  options: Record<string, unknown> = {},
  now = NOW,
  secrets: string[] = [],
): ReceiverContext<PaypalOptions> {
  return {
    secrets,
    now,
    options: parsePaypalOptions({ webhookId: TEST_WEBHOOK_ID, caPem: pki.rootPem, ...options }),
  };
}

export function certServer(chain = pki.chain) {
  return fakePaypalFetch({ [`GET ${TEST_CERT_URL}`]: () => new Response(chain, { status: 200 }) });
}

export function expectRefused(result: VerifyResult, message: RegExp, reason = 'signature') {
  expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(message) });
}

/** The fixture body signed with the test leaf key at NOW, unless `overrides` says otherwise. */
export const signed = (overrides: Partial<Parameters<typeof paypalHeaders>[0]> = {}) =>
  paypalHeaders({ body, keyPem: pki.leafKeyPem, now: NOW, ...overrides });
