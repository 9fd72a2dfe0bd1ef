import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import { twilioFormParams, twilioPayload, type TwilioParams } from './twilio.params';
import { signTwilio } from './twilio.signature';
import { twilioUrlVariants } from './twilio.url';
import { verifyTwilioRequest } from './twilio.verify';

// Published vectors (twilio-node and twilio-python tests; Twilio's security docs).
const TOKEN = '12345';
const VECTOR_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const FORM_VECTOR = {
  params: {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  },
  signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
};
const JSON_VECTOR = {
  body: readFileSync(join(__dirname, 'fixtures/json-body.json')),
  hash: '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620',
  signature: 'a9nBmqA0ju/hNViExpshrM61xv4=',
};
const JSON_VECTOR_URL = `${VECTOR_URL}&bodySHA256=${JSON_VECTOR.hash}`;

const asParams = (record: Record<string, string | string[]>): TwilioParams =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
const formOf = (record: Record<string, string | string[]>) =>
  Buffer.from(
    Object.entries(record)
      .flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map(
          (one) => `${encodeURIComponent(k)}=${encodeURIComponent(one)}`,
        ),
      )
      .join('&'),
  );

describe('Twilio published vectors', () => {
  it('reproduces form vector (a)', () => {
    expect(signTwilio(TOKEN, VECTOR_URL, asParams(FORM_VECTOR.params))).toBe(FORM_VECTOR.signature);
  });

  it('reproduces JSON vector (b): the body hash, then the URL signature', () => {
    expect(twilio.getExpectedBodyHash(JSON_VECTOR.body.toString('utf8'))).toBe(JSON_VECTOR.hash);
    expect(signTwilio(TOKEN, JSON_VECTOR_URL)).toBe(JSON_VECTOR.signature);
  });

  it('accepts both vectors through the request verifier', () => {
    const form = {
      mode: 'form' as const,
      signature: FORM_VECTOR.signature,
      url: VECTOR_URL,
      params: asParams(FORM_VECTOR.params),
    };
    expect(verifyTwilioRequest(form, [TOKEN])).toEqual({ ok: true, secretIndex: 0 });
    const json = {
      mode: 'json' as const,
      signature: JSON_VECTOR.signature,
      url: JSON_VECTOR_URL,
      query: {},
      body: JSON_VECTOR.body,
    };
    expect(verifyTwilioRequest(json, [TOKEN])).toEqual({ ok: true, secretIndex: 0 });
  });
});

describe('Twilio form requests, against twilio-node validateRequest', () => {
  const token = 'twilio-auth-token-primary';
  const url = 'https://hooks.example.com/webhooks/twilio/sms';
  const sms = readFileSync(join(__dirname, 'fixtures/incoming-sms.txt'));
  const smsParams = twilioPayload(twilioFormParams(sms));
  const sdkSign = (u: string, p: Record<string, string | string[]>, t = token) =>
    twilio.getExpectedTwilioSignature(t, u, p);

  // [case, signature, URL checked, params received, tokens, expected secretIndex (-1: refused)]
  type Case = [string, string, string, Record<string, string | string[]>, string[], number];
  const repeated = {
    ...smsParams,
    MediaUrl: ['https://a.example/2.jpg', 'https://a.example/1.jpg'],
  };
  const cases: Case[] = [
    ['an incoming SMS', sdkSign(url, smsParams), url, smsParams, [token], 0],
    [
      'the secondary token during rotation',
      sdkSign(url, smsParams, 'old'),
      url,
      smsParams,
      [token, 'old'],
      1,
    ],
    ['a wrong token', sdkSign(url, smsParams, 'wrong'), url, smsParams, [token], -1],
    [
      'a changed Body',
      sdkSign(url, smsParams),
      url,
      { ...smsParams, Body: 'Ahoy! Cafe at 5+1?' },
      [token],
      -1,
    ],
    ['an added parameter', sdkSign(url, smsParams), url, { ...smsParams, Extra: '' }, [token], -1],
    [
      'an empty-valued parameter that was signed',
      sdkSign(url, { ...smsParams, Extra: '' }),
      url,
      { ...smsParams, Extra: '' },
      [token],
      0,
    ],
    ['a repeated key (values signed sorted)', sdkSign(url, repeated), url, repeated, [token], 0],
    [
      'a repeated key received in another order',
      sdkSign(url, repeated),
      url,
      { ...repeated, MediaUrl: [...repeated.MediaUrl].reverse() },
      [token],
      0,
    ],
    [
      'signed without :443, received with it',
      sdkSign(url, smsParams),
      'https://hooks.example.com:443/webhooks/twilio/sms',
      smsParams,
      [token],
      0,
    ],
    [
      'signed with :443, received without it',
      sdkSign('https://hooks.example.com:443/webhooks/twilio/sms', smsParams),
      url,
      smsParams,
      [token],
      0,
    ],
    [
      'signed with :80 over http',
      sdkSign('http://hooks.example.com:80/t', smsParams),
      'http://hooks.example.com/t',
      smsParams,
      [token],
      0,
    ],
    ['signed over another path', sdkSign(`${url}2`, smsParams), url, smsParams, [token], -1],
    [
      'signed over another query',
      sdkSign(`${url}?a=1`, smsParams),
      `${url}?a=2`,
      smsParams,
      [token],
      -1,
    ],
    [
      'signed over http, received as https',
      sdkSign(url.replace('https:', 'http:'), smsParams),
      url,
      smsParams,
      [token],
      -1,
    ],
    ['no signature', '', url, smsParams, [token], -1],
  ];

  it.each(cases)('%s', (_case, signature, checkedUrl, params, tokens, expected) => {
    const ours = verifyTwilioRequest(
      { mode: 'form', signature, url: checkedUrl, params: asParams(params) },
      tokens,
    );
    expect(ours).toMatchObject(
      expected >= 0 ? { ok: true, secretIndex: expected } : { ok: false, reason: 'signature' },
    );
    const sdk = tokens.some((t) => twilio.validateRequest(t, signature, checkedUrl, params));
    expect(sdk).toBe(expected >= 0);
  });

  it('decodes the form with form rules: + is a space, %2B is a plus, UTF-8 is kept', () => {
    expect(smsParams.Body).toBe('Ahoy! Café at 5+1?');
    expect(smsParams.From).toBe('+14155552671');
    expect(
      verifyTwilioRequest(
        { mode: 'form', signature: sdkSign(url, smsParams), url, params: twilioFormParams(sms) },
        [token],
      ).ok,
    ).toBe(true);
  });

  it('keeps every value of a repeated key from the raw form', () => {
    const body = formOf({ To: ['+1', '+2'], Body: 'x' });
    expect(twilioFormParams(body)).toEqual({ To: ['+1', '+2'], Body: ['x'] });
    expect(twilioPayload(twilioFormParams(body))).toEqual({ To: ['+1', '+2'], Body: 'x' });
  });

  it('is stricter than twilio-node about a non-default port (never dropped)', () => {
    const signature = sdkSign('https://hooks.example.com/t', smsParams);
    const received = 'https://hooks.example.com:8443/t';
    expect(twilio.validateRequest(token, signature, received, smsParams)).toBe(true);
    expect(
      verifyTwilioRequest({ mode: 'form', signature, url: received, params: asParams(smsParams) }, [
        token,
      ]).ok,
    ).toBe(false);
  });
});

describe('Twilio JSON requests (bodySHA256), against twilio-node validateRequestWithBody', () => {
  const token = 'twilio-auth-token-primary';
  const base = 'https://hooks.example.com/webhooks/twilio/events?foo=1';
  const body = Buffer.from(
    '{"AccountSid":"ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","EventType":"onMessageAdded"}',
  );
  const hash = twilio.getExpectedBodyHash(body.toString('utf8'));
  const signedUrl = `${base}&bodySHA256=${hash}`;
  const signature = twilio.getExpectedTwilioSignature(token, signedUrl, {});

  // [case, signature, URL checked, query received, body, valid?]
  type Case = [string, string, string, Record<string, string>, Buffer, boolean];
  const cases: Case[] = [
    ['the request URL with its bodySHA256', signature, signedUrl, {}, body, true],
    [
      'publicUrl without it, completed from the query',
      signature,
      base,
      { bodySHA256: hash },
      body,
      true,
    ],
    [
      'a tampered body',
      signature,
      signedUrl,
      {},
      Buffer.from(body.toString().replace('Added', 'Removed')),
      false,
    ],
    [
      'a signature made with another token',
      twilio.getExpectedTwilioSignature('x', signedUrl, {}),
      signedUrl,
      {},
      body,
      false,
    ],
    [
      'a bodySHA256 in upper case',
      twilio.getExpectedTwilioSignature(token, `${base}&bodySHA256=${hash.toUpperCase()}`, {}),
      `${base}&bodySHA256=${hash.toUpperCase()}`,
      {},
      body,
      false,
    ],
  ];

  it.each(cases)('%s', (_case, sig, url, query, received, valid) => {
    expect(
      verifyTwilioRequest({ mode: 'json', signature: sig, url, query, body: received }, [token]).ok,
    ).toBe(valid);
    const sdkUrl = url.includes('bodySHA256') ? url : `${url}&bodySHA256=${query.bodySHA256}`;
    expect(twilio.validateRequestWithBody(token, sig, sdkUrl, received.toString('utf8'))).toBe(
      valid,
    );
  });

  it('refuses a JSON body when no bodySHA256 is anywhere', () => {
    const result = verifyTwilioRequest({ mode: 'json', signature, url: base, query: {}, body }, [
      token,
    ]);
    expect(result).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringContaining('bodySHA256'),
    });
  });
});

describe('Twilio URL variants', () => {
  it.each([
    ['https://h.example/p?q=1', ['https://h.example/p?q=1', 'https://h.example:443/p?q=1']],
    ['https://h.example:443/p', ['https://h.example:443/p', 'https://h.example/p']],
    ['http://h.example/p', ['http://h.example/p', 'http://h.example:80/p']],
    ['https://h.example:8443/p', ['https://h.example:8443/p']],
    ['https://user:pw@[::1]/p', ['https://user:pw@[::1]/p', 'https://user:pw@[::1]:443/p']],
  ])('%s', (url, expected) => {
    expect(twilioUrlVariants(url).sort()).toEqual([...expected].sort());
  });

  it('adds the WHATWG-normalized form, as twilio-node does', () => {
    expect(twilioUrlVariants("https://h.example/p?q=it's").sort()).toEqual(
      [
        "https://h.example/p?q=it's",
        "https://h.example:443/p?q=it's",
        'https://h.example/p?q=it%27s',
        'https://h.example:443/p?q=it%27s',
      ].sort(),
    );
  });
});
