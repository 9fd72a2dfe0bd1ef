import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
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

  it('accepts a delivery signed by the PayPal-named key that chains to the configured CA', async () => {
    const server = certServer();
    const receiver = createPaypalReceiver({ fetch: server.fetch });
    await expect(receiver.verify(request(signed()), context())).resolves.toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(server.calls.map((c) => c.url)).toEqual([TEST_CERT_URL]);
  });

  type Case = {
    name: string;
    headers?: () => Record<string, string>;
    rawBody?: Buffer;
    options?: Record<string, unknown>;
    now?: Date;
    served?: string;
    message: RegExp;
    reason?: string;
    /** How many requests the fetcher may see: 0 means the URL was refused before any fetch. */
    fetches: number;
  };
  const evil = (url: string) => () => signed({ certUrl: url });
  const cases: Case[] = [
    {
      name: 'a tampered body (its CRC-32 changes)',
      rawBody: Buffer.from(body.toString().replace('2.51', '2.52')),
      message: /does not match/,
      fetches: 1,
    },
    {
      name: 'a signature made for another webhook id',
      headers: () => signed({ webhookId: 'SOMEONEELSE1' }),
      message: /options\.webhookId/,
      fetches: 1,
    },
    {
      name: 'a transmission id changed after signing',
      headers: () => ({ ...signed(), 'paypal-transmission-id': 'tx-other' }),
      message: /does not match/,
      fetches: 1,
    },
    {
      name: 'a transmission time changed after signing (within the window)',
      headers: () => ({
        ...signed(),
        'paypal-transmission-time': new Date(NOW.getTime() - 60_000)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
      }),
      message: /does not match/,
      fetches: 1,
    },
    {
      name: 'an expired certificate',
      now: new Date(NOW.getTime() + 31 * DAY),
      message: /signing certificate expired at/,
      fetches: 1,
    },
    {
      name: 'a certificate that is not yet valid',
      now: new Date(NOW.getTime() - DAY),
      message: /signing certificate is not valid before/,
      fetches: 1,
    },
    {
      name: 'a certificate that does not chain to the configured CA',
      served: pki.untrustedChain,
      message: /does not chain to a trusted CA/,
      fetches: 1,
    },
    {
      name: 'a chain to a CA only Node trusts by default, not the configured one',
      served: pki.chain,
      options: { caPem: pki.untrustedRootPem },
      message: /does not chain/,
      fetches: 1,
    },
    {
      name: "a self-signed leaf with PayPal's name",
      served: pki.selfSigned,
      message: /does not chain to a trusted CA/,
      fetches: 1,
    },
    {
      name: 'a certificate for another subject',
      served: pki.wrongSubjectChain,
      message: /is for messageverificationcerts\.paypal\.com\.evil\.test/,
      fetches: 1,
    },
    {
      name: 'a sandbox certificate on a live endpoint',
      served: pki.sandboxChain,
      message: /not messageverificationcerts\.paypal\.com/,
      fetches: 1,
    },
    {
      name: 'a certificate URL that serves no certificate',
      served: '<html>hello</html>',
      message: /did not serve a certificate/,
      fetches: 1,
    },
    {
      name: 'a cert URL over http',
      headers: evil(TEST_CERT_URL.replace('https:', 'http:')),
      message: /not https/,
      fetches: 0,
    },
    {
      name: 'a cert URL on api.paypal.com.evil.test',
      headers: evil('https://api.paypal.com.evil.test/v1/notifications/certs/CERT-1'),
      message: /not PayPal's/,
      fetches: 0,
    },
    {
      name: 'a cert URL on evil.test/api.paypal.com',
      headers: evil('https://evil.test/api.paypal.com/v1/notifications/certs/CERT-1'),
      message: /not PayPal's/,
      fetches: 0,
    },
    {
      name: 'a cert URL with userinfo',
      headers: evil('https://api.paypal.com@evil.test/v1/notifications/certs/CERT-1'),
      message: /userinfo/,
      fetches: 0,
    },
    {
      name: 'an unsupported auth algo',
      headers: () => ({ ...signed(), 'paypal-auth-algo': 'SHA1withRSA' }),
      message: /PAYPAL-AUTH-ALGO "SHA1withRSA" is not supported/,
      fetches: 0,
    },
    {
      name: 'a missing signature header',
      headers: () => ({ ...signed(), 'paypal-transmission-sig': '' }),
      message: /missing: paypal-transmission-sig/,
      fetches: 0,
    },
    {
      name: 'a transmission time that is not a date',
      headers: () => ({ ...signed(), 'paypal-transmission-time': 'yesterday' }),
      message: /not an RFC 3339/,
      fetches: 0,
    },
    {
      name: 'a transmission older than the window',
      headers: () => signed({ now: new Date(NOW.getTime() - 301_000) }),
      message: /301s old; the tolerance is 300s/,
      reason: 'stale-timestamp',
      fetches: 0,
    },
    {
      name: 'a transmission from the future beyond the window',
      headers: () => signed({ now: new Date(NOW.getTime() + 301_000) }),
      message: /in the future/,
      reason: 'stale-timestamp',
      fetches: 0,
    },
  ];

  it.each(cases)('refuses $name', async (c) => {
    const server = certServer(c.served);
    // Serve a valid chain at every off-list URL too: if one were fetched, the test would see it.
    const receiver = createPaypalReceiver({
      fetch: (url, init) => {
        server.calls.push({ url, init });
        return Promise.resolve(new Response(c.served ?? pki.chain, { status: 200 }));
      },
    });
    const headers = c.headers ? c.headers() : signed({ now: c.now ?? NOW });
    const result = await receiver.verify(request(headers, c.rawBody), context(c.options, c.now));
    expectRefused(result, c.message, c.reason);
    expect(server.calls).toHaveLength(c.fetches);
  });

  it('accepts a transmission time just inside the window, and any time with the window off', async () => {
    const receiver = createPaypalReceiver({ fetch: certServer().fetch });
    const old = signed({ now: new Date(NOW.getTime() - 299_000) });
    await expect(receiver.verify(request(old), context())).resolves.toMatchObject({ ok: true });
    const ancient = signed({ now: new Date(NOW.getTime() - 2 * DAY) });
    await expect(
      receiver.verify(request(ancient), context({ toleranceSeconds: 0 })),
    ).resolves.toMatchObject({ ok: true });
  });

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

  it('lets an honest re-send of one transmission through (the store de-duplicates it)', async () => {
    const receiver = createPaypalReceiver({ fetch: certServer().fetch });
    const headers = signed({ transmissionId: 'tx-resent' });
    await expect(receiver.verify(request(headers), context())).resolves.toMatchObject({ ok: true });
    await expect(receiver.verify(request(headers), context())).resolves.toMatchObject({ ok: true });
  });

  it('refuses a second body with the same CRC-32 under an accepted transmission id', async () => {
    const forged = withCrc32(
      Buffer.from('{"id":"WH-FORGED","event_type":"PAYMENT.CAPTURE.COMPLETED"} '),
      crc32(body),
    );
    expect(crc32(forged)).toBe(crc32(body));
    const headers = signed({ transmissionId: 'tx-captured' });

    // The weakness: PayPal's signature alone accepts the forged body.
    const fresh = createPaypalReceiver({ fetch: certServer().fetch });
    await expect(fresh.verify(request(headers, forged), context())).resolves.toMatchObject({
      ok: true,
    });

    // Once the genuine body was accepted, the same transmission with other bytes is refused.
    const receiver = createPaypalReceiver({ fetch: certServer().fetch });
    await expect(receiver.verify(request(headers), context())).resolves.toMatchObject({ ok: true });
    expectRefused(
      await receiver.verify(request(headers, forged), context()),
      /already accepted with a different body/,
    );
  });
});

describe('PayPal receiver, postback verification', () => {
  const API = 'https://api-m.paypal.com';
  const SECRET = 'client-secret-value-123';
  const postback = (secrets: string[] = [SECRET], now = NOW) =>
    context({ verification: 'postback', clientId: 'client-id-abc' }, now, secrets);
  const headers = () => paypalHeaders({ body, keyPem: pki.leafKeyPem, now: NOW });

  function paypalApi(
    status: string | ((init: RequestInit) => Response),
    tokenAnswer?: (init: RequestInit) => Response,
  ) {
    let issued = 0;
    return fakePaypalFetch({
      [`POST ${API}/v1/oauth2/token`]:
        tokenAnswer ??
        (() =>
          Response.json({
            access_token: `token-${++issued}`,
            token_type: 'Bearer',
            expires_in: 32400,
          })),
      [`POST ${API}/v1/notifications/verify-webhook-signature`]:
        typeof status === 'string' ? () => Response.json({ verification_status: status }) : status,
    });
  }

  it('accepts on SUCCESS, sending the transmission, the webhook id and the raw body as webhook_event', async () => {
    const api = paypalApi('SUCCESS');
    const receiver = createPaypalReceiver({ fetch: api.fetch });
    const h = headers();
    await expect(receiver.verify(request(h), postback())).resolves.toEqual({
      ok: true,
      secretIndex: 0,
    });

    const [token, verify] = api.calls;
    expect(token.init.headers).toMatchObject({
      authorization: `Basic ${Buffer.from(`client-id-abc:${SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(token.init.body).toBe('grant_type=client_credentials');
    expect(verify.init.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'content-type': 'application/json',
    });
    const sent = verify.init.body as string;
    expect(sent.endsWith(`"webhook_event":${body.toString()}}`)).toBe(true);
    expect(JSON.parse(sent)).toEqual({
      auth_algo: 'SHA256withRSA',
      cert_url: TEST_CERT_URL,
      transmission_id: h['paypal-transmission-id'],
      transmission_sig: h['paypal-transmission-sig'],
      transmission_time: h['paypal-transmission-time'],
      webhook_id: TEST_WEBHOOK_ID,
      webhook_event: JSON.parse(body.toString()),
    });
  });

  it('refuses on FAILURE', async () => {
    const receiver = createPaypalReceiver({ fetch: paypalApi('FAILURE').fetch });
    expectRefused(
      await receiver.verify(request(headers()), postback()),
      /verification_status FAILURE/,
    );
  });

  it('refuses a body that is not one JSON object without asking PayPal', async () => {
    const api = paypalApi('SUCCESS');
    const receiver = createPaypalReceiver({ fetch: api.fetch });
    const smuggled = Buffer.from('{"id":"x"},"webhook_id":"other"');
    expectRefused(
      await receiver.verify(request(headers(), smuggled), postback()),
      /needs a JSON object body/,
    );
    expect(api.calls).toHaveLength(0);
  });

  it('refuses a certificate URL off the allow-list without asking PayPal', async () => {
    const api = paypalApi('SUCCESS');
    const receiver = createPaypalReceiver({ fetch: api.fetch });
    const evil = paypalHeaders({
      body,
      keyPem: pki.leafKeyPem,
      now: NOW,
      certUrl: 'https://evil.test/v1/notifications/certs/C',
    });
    expectRefused(await receiver.verify(request(evil), postback()), /PAYPAL-CERT-URL is refused/);
    expect(api.calls).toHaveLength(0);
  });

  it('caches the access token until shortly before it expires', async () => {
    const api = paypalApi('SUCCESS');
    const receiver = createPaypalReceiver({ fetch: api.fetch });
    await receiver.verify(request(headers()), postback());
    await receiver.verify(request(headers()), postback());
    const tokenCalls = () => api.calls.filter((c) => c.url.endsWith('/v1/oauth2/token')).length;
    expect(tokenCalls()).toBe(1);
    expect(api.calls).toHaveLength(3);

    // 32400 s minus the 60 s margin: a new token at 32341 s.
    const later = new Date(NOW.getTime() + 32_341_000);
    const lateHeaders = paypalHeaders({ body, keyPem: pki.leafKeyPem, now: later });
    await expect(
      receiver.verify(request(lateHeaders), postback([SECRET], later)),
    ).resolves.toMatchObject({ ok: true });
    expect(tokenCalls()).toBe(2);
    expect(api.calls[api.calls.length - 1].init.headers).toMatchObject({
      authorization: 'Bearer token-2',
    });
  });

  it('fetches a new token once when PayPal rejects the cached one', async () => {
    let verifyCalls = 0;
    const api = paypalApi(() =>
      ++verifyCalls === 2
        ? new Response('expired', { status: 401 })
        : Response.json({ verification_status: 'SUCCESS' }),
    );
    const receiver = createPaypalReceiver({ fetch: api.fetch });
    await receiver.verify(request(headers()), postback());
    await expect(receiver.verify(request(headers()), postback())).resolves.toMatchObject({
      ok: true,
    });
    expect(api.calls.map((c) => c.url.replace(API, ''))).toEqual([
      '/v1/oauth2/token',
      '/v1/notifications/verify-webhook-signature',
      '/v1/notifications/verify-webhook-signature',
      '/v1/oauth2/token',
      '/v1/notifications/verify-webhook-signature',
    ]);
  });

  it('tries every configured client secret (rotation)', async () => {
    const api = paypalApi('SUCCESS', (init) => {
      const auth = (init.headers as Record<string, string>).authorization;
      return auth.endsWith(Buffer.from(`client-id-abc:${SECRET}`).toString('base64'))
        ? Response.json({ access_token: 'token-old-secret', expires_in: 3600 })
        : new Response('{"error":"invalid_client"}', { status: 401 });
    });
    const receiver = createPaypalReceiver({ fetch: api.fetch });
    await expect(
      receiver.verify(request(headers()), postback(['a-newer-secret', SECRET])),
    ).resolves.toMatchObject({ ok: true });
    expect(api.calls.filter((c) => c.url.endsWith('/token'))).toHaveLength(2);
  });

  it.each([
    [
      'credentials PayPal refuses',
      paypalApi('SUCCESS', () => new Response('{"error":"invalid_client"}', { status: 401 })).fetch,
      /refused the client credentials/,
    ],
    ['PayPal being down', () => Promise.reject(new TypeError('fetch failed')), /failed/],
    [
      'a 500 from verify-webhook-signature',
      paypalApi(() => new Response('oops', { status: 500 })).fetch,
      /answered 500/,
    ],
  ])('answers 503, never naming the secret, on %s', async (_case, fetch, message) => {
    const receiver = createPaypalReceiver({ fetch });
    const verifying = Promise.resolve(receiver.verify(request(headers()), postback()));
    await expect(verifying).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(message),
    });
    const error = await verifying.catch((e: Error) => e);
    expect(JSON.stringify({ message: (error as Error).message })).not.toContain(SECRET);
  });

  it('answers 503 when postback is configured without a client secret', async () => {
    const receiver = createPaypalReceiver({ fetch: paypalApi('SUCCESS').fetch });
    await expect(receiver.verify(request(headers()), postback([]))).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/client secret in the endpoint's secrets/),
    });
  });
});

/**
 * Append 4 bytes to `prefix` so that the whole has CRC-32 `target` (CRC-32 is linear, so this is
 * how anyone can forge a body for a captured PayPal signature).
 */
function withCrc32(prefix: Buffer, target: number): Buffer {
  const POLY = 0xedb88320;
  let register = ~target >>> 0;
  for (let bit = 0; bit < 32; bit++) {
    register = register & 0x80000000 ? (((register ^ POLY) << 1) | 1) >>> 0 : (register << 1) >>> 0;
  }
  const patch = Buffer.alloc(4);
  patch.writeUInt32LE((register ^ ~crc32(prefix)) >>> 0);
  return Buffer.concat([prefix, patch]);
}
