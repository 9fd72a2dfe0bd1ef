import { fakePaypalFetch } from '../../../test/helpers/paypal-delivery';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';
import { createPaypalReceiver } from './paypal.receiver';
import {
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
      await expect(verifying).rejects.toBeInstanceOf(UpstreamUnavailableError);
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
