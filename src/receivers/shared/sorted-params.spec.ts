import { createHmac } from 'node:crypto';
import { formParams, sortedParamsContent } from './sorted-params';

describe('formParams', () => {
  it('decodes with form rules and keeps every value of a repeated key, in order', () => {
    expect(formParams(Buffer.from('b=2&a=x+y%2B1&b=1&c='))).toEqual({
      b: ['2', '1'],
      a: ['x y+1'],
      c: [''],
    });
  });

  it('refuses bytes that are not UTF-8 (400)', () => {
    expect(() => formParams(Buffer.from([0x61, 0x3d, 0xff]))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('sortedParamsContent', () => {
  it('is the URL, then each name sorted followed by its value, with no separator', () => {
    expect(sortedParamsContent('https://h.example/p?q=1', { b: ['2'], a: ['1'] })).toBe(
      'https://h.example/p?q=1a1b2',
    );
    expect(sortedParamsContent('u')).toBe('u');
  });

  it('signs a repeated key once per distinct value, values sorted', () => {
    expect(sortedParamsContent('u', { m: ['b', 'a', 'b'] })).toBe('umamb');
  });

  it("reproduces Twilio's published form vector when HMAC-SHA1'd (independent evidence)", () => {
    // https://www.twilio.com/docs/usage/security#validating-requests (also twilio-node's tests).
    const content = sortedParamsContent('https://mycompany.com/myapp.php?foo=1&bar=2', {
      CallSid: ['CA1234567890ABCDE'],
      Caller: ['+14158675309'],
      Digits: ['1234'],
      From: ['+14158675309'],
      To: ['+18005551212'],
    });
    expect(createHmac('sha1', '12345').update(content).digest('base64')).toBe(
      'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
    );
  });
});
