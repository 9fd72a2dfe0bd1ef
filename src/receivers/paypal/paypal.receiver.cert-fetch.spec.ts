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
import { PaypalUnavailableError } from './paypal.fetcher';
import { parsePaypalOptions, type PaypalOptions } from './paypal.options';
import { createPaypalReceiver } from './paypal.receiver';

// Each paypal.receiver.*.spec.ts holds its own copy of these fixtures: a shared module that is
// not a spec would be compiled by tsconfig.build.json, which cannot reach test/helpers.
const DAY = 24 * 60 * 60 * 1000;
const body = readFileSync(join(__dirname, 'fixtures/payment-capture-completed.json'));
const pki = paypalTestPki();
// A little after the test certificates were made, so they are valid.
const NOW = new Date(Date.now() + 60_000);

function request(headers: Record<string, string>, rawBody: Buffer = body): IncomingWebhook {
  return {
    method: 'POST',
    url: '/webhooks/paypal/shop',
    query: {},
    headers,
    rawBody,
    contentType: 'application/json',
  };
}

function context(
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

function certServer(chain = pki.chain) {
  return fakePaypalFetch({ [`GET ${TEST_CERT_URL}`]: () => new Response(chain, { status: 200 }) });
}

function expectRefused(result: VerifyResult, message: RegExp, reason = 'signature') {
  expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(message) });
}

describe('PayPal receiver, offline verification', () => {
  const signed = (overrides: Partial<Parameters<typeof paypalHeaders>[0]> = {}) =>
    paypalHeaders({ body, keyPem: pki.leafKeyPem, now: NOW, ...overrides });

  it('fetches a certificate once for two deliveries, and again after it expired from the cache', async () => {
    const server = certServer();
    const receiver = createPaypalReceiver({ fetch: server.fetch });
    await expect(receiver.verify(request(signed()), context())).resolves.toMatchObject({
      ok: true,
    });
    await expect(receiver.verify(request(signed()), context())).resolves.toMatchObject({
      ok: true,
    });
    expect(server.calls).toHaveLength(1);

    // A day later the daily re-check fetches it again; still valid, so still accepted.
    const later = new Date(NOW.getTime() + DAY + 1000);
    await expect(
      receiver.verify(request(signed({ now: later })), context({}, later)),
    ).resolves.toMatchObject({ ok: true });
    expect(server.calls).toHaveLength(2);
  });

  it('shares one certificate fetch between concurrent deliveries', async () => {
    const server = certServer();
    const receiver = createPaypalReceiver({ fetch: server.fetch });
    const results = await Promise.all(
      [1, 2, 3].map(() => receiver.verify(request(signed()), context())),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.calls).toHaveLength(1);
  });

  it("does not reuse a certificate checked under another endpoint's CA bundle", async () => {
    const server = certServer();
    const receiver = createPaypalReceiver({ fetch: server.fetch });
    await expect(receiver.verify(request(signed()), context())).resolves.toMatchObject({
      ok: true,
    });
    const other = await receiver.verify(
      request(signed()),
      context({ caPem: pki.untrustedRootPem }),
    );
    expectRefused(other, /does not chain/);
    expect(server.calls).toHaveLength(2);
  });

  it('does not cache a certificate that failed its checks', async () => {
    const server = certServer(pki.wrongSubjectChain);
    const receiver = createPaypalReceiver({ fetch: server.fetch });
    await receiver.verify(request(signed()), context());
    await receiver.verify(request(signed()), context());
    expect(server.calls).toHaveLength(2);
  });

  it.each([
    [
      'a network error',
      () =>
        Promise.reject(
          Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
        ),
      /ECONNRESET/,
    ],
    [
      'a timeout',
      () => Promise.reject(Object.assign(new Error('aborted'), { name: 'TimeoutError' })),
      /timed out/,
    ],
    [
      'a 503 from PayPal',
      () => Promise.resolve(new Response('busy', { status: 503 })),
      /answered 503/,
    ],
    [
      'a 429 from PayPal',
      () => Promise.resolve(new Response('slow down', { status: 429 })),
      /answered 429/,
    ],
  ])(
    'answers 503 (not 401) when the certificate cannot be fetched: %s',
    async (_case, answer, message) => {
      const receiver = createPaypalReceiver({ fetch: answer });
      const verifying = Promise.resolve(receiver.verify(request(signed()), context()));
      await expect(verifying).rejects.toBeInstanceOf(PaypalUnavailableError);
      await expect(verifying).rejects.toMatchObject({
        status: 503,
        message: expect.stringMatching(message),
        headers: { 'Retry-After': '60' },
      });
    },
  );

  it("refuses (401) a certificate URL on PayPal's host that answers 404", async () => {
    const receiver = createPaypalReceiver({ fetch: fakePaypalFetch({}).fetch });
    expectRefused(
      await receiver.verify(request(signed()), context()),
      /answered 404, not a certificate/,
    );
  });
});
