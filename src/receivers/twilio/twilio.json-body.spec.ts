import twilio from 'twilio';
import { verifyTwilioRequest } from './twilio.verify';

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
