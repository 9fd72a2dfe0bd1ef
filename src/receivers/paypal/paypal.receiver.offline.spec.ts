import { TEST_CERT_URL } from '../../../test/helpers/paypal-delivery';
import { createPaypalReceiver } from './paypal.receiver';
import {
  body,
  certServer,
  context,
  DAY,
  expectRefused,
  NOW,
  pki,
  request,
  signed,
} from './paypal.receiver.spec-helpers';

describe('PayPal receiver, offline verification', () => {
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
});
