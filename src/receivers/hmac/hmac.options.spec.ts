import { genericHmacReceiver as receiver } from './hmac.receiver';

const parse = (options: Record<string, unknown> | undefined) => receiver.parseOptions!(options);

describe('hmac provider options', () => {
  it.each<[Record<string, unknown> | undefined, RegExp]>([
    [undefined, /^options\.header is required/],
    [{}, /^options\.header is required/],
    [{ header: 'X Sig' }, /^options\.header must be an HTTP header name/],
    [{ header: 42 }, /^options\.header must be an HTTP header name/],
    [
      { header: 'X-Sig', headers: 'X' },
      /^options\.headers is not a hmac option; remove it \(known: header, /,
    ],
    [
      { header: 'X-Sig', algorithm: 'md5' },
      /^options\.algorithm must be one of sha1, sha256, sha512/,
    ],
    [
      { header: 'X-Sig', encoding: 'HEX' },
      /^options\.encoding must be one of hex, base64, base64url/,
    ],
    [{ header: 'X-Sig', prefix: '' }, /^options\.prefix must be a non-empty string/],
    [
      { header: 'X-Sig', signedContent: '{payload}' },
      /^options\.signedContent: \{payload\} is not a placeholder/,
    ],
    [
      { header: 'X-Sig', signedContent: '{timestamp}.{body}' },
      /^options\.signedContent names \{timestamp\}: set options\.timestampHeader/,
    ],
    [
      { header: 'X-Sig', signedContent: '{id}.{body}' },
      /^options\.signedContent names \{id\}: set options\.idFrom/,
    ],
    [
      { header: 'X-Sig', timestampUnit: 's' },
      /^options\.timestampUnit needs options\.timestampHeader/,
    ],
    [
      { header: 'X-Sig', toleranceSeconds: 60 },
      /^options\.toleranceSeconds needs options\.timestampHeader/,
    ],
    [
      { header: 'X-Sig', timestampHeader: 'X-Ts', timestampUnit: 'min' },
      /^options\.timestampUnit must be one of s, ms, iso8601/,
    ],
    [
      { header: 'X-Sig', timestampHeader: 'X-Ts', toleranceSeconds: -1 },
      /^options\.toleranceSeconds must be a whole number/,
    ],
    [
      { header: 'X-Sig', timestampHeader: '' },
      /^options\.timestampHeader must be an HTTP header name/,
    ],
    [
      { header: 'X-Sig', idFrom: 'X-Delivery' },
      /^options\.idFrom must be "header:NAME" or "body:json\.path"/,
    ],
    [{ header: 'X-Sig', idFrom: 'body:a..b' }, /^options\.idFrom must be/],
    [
      { header: 'X-Sig', typeFrom: 'query:type' },
      /^options\.typeFrom must be "header:NAME" or "body:json\.path"/,
    ],
    [
      { header: 'X-Sig', keyEncoding: 'latin1' },
      /^options\.keyEncoding must be one of utf8, base64, hex/,
    ],
    [
      { header: 'X-Sig', keyPrefix: 'whsec_' },
      /^options\.keyPrefix needs options\.keyEncoding base64 or hex/,
    ],
  ])('%j is refused', (options, message) => {
    expect(() => parse(options)).toThrow(message);
  });

  it('defaults: sha256, hex, {body}, no timestamp; the type is the endpoint id', () => {
    const parsed = parse({ header: 'X-Sig' });
    expect(parsed).toEqual({
      descriptor: {
        name: 'hmac',
        title: 'hmac',
        algorithm: 'sha256',
        signature: { headers: ['X-Sig'], encoding: 'hex' },
        signedContent: '{body}',
        type: { fixed: 'hmac' },
      },
      typeFromEndpoint: true,
    });
  });

  it('a timestamp header brings the 300 s window by default', () => {
    expect(parse({ header: 'X-Sig', timestampHeader: 'X-Ts' }).toleranceSeconds).toBe(300);
    expect(
      parse({ header: 'X-Sig', timestampHeader: 'X-Ts', toleranceSeconds: 0 }).toleranceSeconds,
    ).toBe(0);
  });
});
