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
    [{ header: [] }, /^options\.header must be an HTTP header name or a list of them/],
    [{ header: ['X-Sig', 'X Sig'] }, /^options\.header must be an HTTP header name or a list/],
    [{ header: 'X-Sig', signatureKey: 'v 1' }, /^options\.signatureKey must be a field name/],
    [{ header: 'X-Sig', listKeyValue: '=' }, /^options\.listKeyValue needs options\.signatureKey/],
    [
      { header: 'X-Sig', listSeparator: '|' },
      /^options\.listSeparator must be one of ",", ";", " " \(default ","\)/,
    ],
    [
      { header: 'X-Sig', signatureKey: 'v1', listSeparator: ',', listKeyValue: ',' },
      /^options\.listKeyValue and options\.listSeparator must differ/,
    ],
    [
      { header: 'X-Sig', timestampHeader: 'X-Ts', timestampFrom: 'header:X-Ts' },
      /^options\.timestampHeader and options\.timestampFrom: set one, not both/,
    ],
    [
      { header: 'X-Sig', timestampFrom: 'signature:t' },
      /^options\.timestampFrom "signature:KEY" needs options\.signatureKey/,
    ],
    [
      { header: 'X-Sig', timestampFrom: 'query:ts' },
      /^options\.timestampFrom must be "header:NAME", "body:json\.path" or "signature:KEY"/,
    ],
    [
      { header: 'X-Sig', signedContent: '{id}.{body}', idFrom: 'body-hash' },
      /^options\.signedContent names \{id\}: set options\.idFrom to a header or body path/,
    ],
    [{ header: 'X-Sig', occurredAtFrom: 'at' }, /^options\.occurredAtFrom must be/],
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

  it('describes a list header, a timestamp field of it, a body-hash id and an occurredAt', () => {
    const parsed = parse({
      header: ['Sig-A', 'Sig-B'],
      signatureKey: 'v1',
      timestampFrom: 'signature:t',
      signedContent: '{timestamp}.{body}',
      idFrom: 'body-hash',
      occurredAtFrom: 'body:created_at',
    });
    expect(parsed.descriptor).toMatchObject({
      signature: {
        headers: ['Sig-A', 'Sig-B'],
        encoding: 'hex',
        list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
      },
      timestamp: { signatureField: 't', unit: 's' },
      id: 'body-hash',
      occurredAt: { path: 'created_at' },
    });
    expect(parsed.toleranceSeconds).toBe(300);
  });

  it('reads a plain list of signatures with listSeparator alone', () => {
    expect(parse({ header: 'X-Sig', listSeparator: ' ' }).descriptor.signature.list).toEqual({
      separator: ' ',
    });
  });
});
