import {
  fakePaypalFetch,
  paypalHeaders,
  TEST_CERT_URL,
  TEST_WEBHOOK_ID,
} from '../../../test/helpers/paypal-delivery';
import { createPaypalReceiver } from './paypal.receiver';
import { body, context, expectRefused, NOW, pki, request } from './paypal.receiver.spec-helpers';

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
