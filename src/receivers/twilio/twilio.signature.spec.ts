import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import { twilioFormParams, twilioPayload, type TwilioParams } from './twilio.params';
import { signTwilio } from './twilio.signature';
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
