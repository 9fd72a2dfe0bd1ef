import fc from 'fast-check';
import { githubSignature } from './github';
import type { RawRequest } from './fuzz-raw-http';

/** Statuses DESIGN §3 allows at the edge when the store is healthy (503 is for store faults). */
export const EDGE_STATUSES = [200, 400, 401, 404, 405, 413, 415] as const;

/**
 * Node's HTTP parser answers 431 by itself when the request head passes `maxHeaderSize`
 * (16 KiB) — before Express or Hookgate see the request. Allowed only for such heads.
 */
export const NODE_MAX_HEADER_BYTES = 16 * 1024;

/** Bodies that stress the parsers: soup, broken UTF-8, deep nesting, JSON of every shape. */
export const bodies: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc.json({ maxDepth: 6 }).map((s) => Buffer.from(s)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify({ action: v, zen: v }))),
  fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 }))
    .map(([json, at, junk]) => spliceBytes(Buffer.from(json), at, invalidUtf8(junk))),
  fc
    .tuple(fc.integer({ min: 1, max: 5000 }), fc.boolean())
    .map(([depth, objects]) => nested(depth, objects)),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s)),
  fc.json({ maxDepth: 3 }).map((s) => Buffer.from(`payload=${encodeURIComponent(s)}`)),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(`payload=${s}&payload=%ZZ&x=%`)),
  fc
    .constantFrom('', 'null', '[]', '{}', '"x"', '0', '{"a":', '\ufeff{}', '{"__proto__":{"a":1}}')
    .map((s) => Buffer.from(s)),
);

/** JSON nested `depth` levels, arrays or objects. */
export function nested(depth: number, objects: boolean): Buffer {
  return objects
    ? Buffer.from('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))
    : Buffer.from('['.repeat(depth) + ']'.repeat(depth));
}

/** Make any bytes invalid UTF-8: lone continuation bytes, overlongs, surrogates, 0xFF. */
function invalidUtf8(junk: Uint8Array): Buffer {
  const bad = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]];
  return Buffer.from(bad[junk[0] % bad.length]);
}

function spliceBytes(base: Buffer, at: number, insert: Buffer): Buffer {
  const i = base.length === 0 ? 0 : at % base.length;
  return Buffer.concat([base.subarray(0, i), insert, base.subarray(i)]);
}

export const contentTypes: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    'application/json',
    'APPLICATION/JSON',
    'application/json; charset=utf-8',
    'application/json;charset=latin1;boundary=x',
    '  application/json  ;',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=UTF-8',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=----x',
    ';',
    ';;;application/json',
    'application/json\t',
    'application/jsonp',
    '*/*',
  ),
  fc.string({ maxLength: 60 }).map(headerSafe),
  fc.constant(undefined),
);

/** Header values may not hold CR, LF or NUL on the wire (a different request, not a fuzz case). */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\0]/g, ' ');
}

const headerNames = fc.oneof(
  fc.constantFrom(
    'X-GitHub-Event',
    'x-github-event',
    'X-GitHub-Delivery',
    'X-Hub-Signature-256',
    'X-Hub-Signature',
    'Content-Type',
    'Content-Encoding',
    'X-Forwarded-Host',
    'X-Forwarded-Proto',
    'Expect',
    'Authorization',
    'Cookie',
    'Accept',
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,30}$/),
);

/** Extra headers: duplicates of the ones the receiver reads, odd names, long values (≤ 8 KiB). */
export const extraHeaders: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(
    headerNames,
    fc.oneof(
      fc.string({ maxLength: 80 }).map(headerSafe),
      fc.constantFrom(
        'push',
        'ping',
        'pull_request',
        'sha256=',
        'identity',
        'gzip',
        '100-continue',
      ),
      fc.integer({ min: 1, max: 8000 }).map((n) => 'x'.repeat(n)),
    ),
  ),
  { maxLength: 6 },
);

export const oddMethods = fc.constantFrom(
  'GET',
  'HEAD',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'MKCOL',
  'SEARCH',
  'QUERY',
  'BREW',
  'post',
  'P0ST',
);

/** Endpoint ids the fuzz app configures (besides github `acme`), so paths hit real routes. */
export const FUZZ_ENDPOINT_IDS = ['gl', 'st', 'sl', 'db', 'tr', 'sw', 'bb', 'sh', 'tw'];
const PROVIDERS = [
  'gitlab',
  'slack',
  'dropbox',
  'trello',
  'standard-webhooks',
  'svix',
  'bitbucket',
  'shopify',
  'twilio',
  'paypal',
];

/** Path segments with encoded slashes, dots, `..`, raw and encoded unicode, long ids. */
const segment = fc.oneof(
  fc.constantFrom(
    'acme',
    'ACME',
    'acme%2F..',
    '%2e%2e',
    '..',
    '.',
    '%2F',
    'acme%00',
    'ac%ZZme',
    '%E0%A4%A',
    'acme;x=1',
    'acme.',
    '%C3%A9',
    'é',
    '漢字',
    '👍',
    'github',
    'stripe',
    ...PROVIDERS,
    ...FUZZ_ENDPOINT_IDS,
    ...FUZZ_ENDPOINT_IDS.map((id) => id.toUpperCase()),
  ),
  fc.stringMatching(/^[A-Za-z0-9._~%-]{1,40}$/),
  fc.integer({ min: 100, max: 6000 }).map((n) => 'a'.repeat(n)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

export const paths: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.constantFrom('/webhooks', '/webhooks/', '//webhooks', '/WEBHOOKS', '/webhooks/../webhooks'),
    fc.array(segment, { minLength: 0, maxLength: 4 }),
    fc.option(fc.constantFrom('?challenge=x', '?a=%ZZ', '?a[b]=1&a[c]=2', '#frag', '?'), {
      nil: undefined,
    }),
  )
  .map(([prefix, segments, query]) =>
    Buffer.from(`${prefix}/${segments.join('/')}${query ?? ''}`.replace(/\s/g, '_')),
  );

/** A request to the configured github endpoint, signed (with the right secret) or not. */
export function githubRequests(secret: string): fc.Arbitrary<RawRequest & { signed: boolean }> {
  return fc
    .record({
      body: bodies,
      contentType: contentTypes,
      event: fc.option(
        fc.constantFrom('push', 'ping', 'issues', 'pull_request', '', 'x'.repeat(300)),
        {
          nil: undefined,
        },
      ),
      delivery: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }).map(headerSafe)), {
        nil: undefined,
      }),
      signing: fc.constantFrom(
        'right',
        'right',
        'right',
        'wrong-secret',
        'garbage',
        'none',
        'duplicated',
      ),
      extra: extraHeaders,
      chunked: fc.boolean(),
    })
    .map(({ body, contentType, event, delivery, signing, extra, chunked }) => {
      const headers: [string, string][] = [];
      if (contentType !== undefined) headers.push(['Content-Type', contentType]);
      if (event !== undefined) headers.push(['X-GitHub-Event', event]);
      if (delivery !== undefined) headers.push(['X-GitHub-Delivery', delivery]);
      const right = githubSignature(secret, body);
      if (signing === 'right' || signing === 'duplicated')
        headers.push(['X-Hub-Signature-256', right]);
      if (signing === 'duplicated') headers.push(['X-Hub-Signature-256', right]);
      if (signing === 'wrong-secret')
        headers.push(['X-Hub-Signature-256', githubSignature('nope', body)]);
      if (signing === 'garbage') headers.push(['X-Hub-Signature-256', `sha256=${'zz'.repeat(32)}`]);
      // Extra headers may repeat the signature header: then the request is no longer "signed".
      const touched = extra.some(([name]) => /^x-hub-signature-256$/i.test(name));
      return {
        method: 'POST',
        path: '/webhooks/github/acme',
        headers: [...headers, ...extra],
        body,
        chunked,
        signed: signing === 'right' && !touched,
      };
    });
}

/** Anything at all: any path, any method, any headers, any body; never validly signed. */
export const anyRequests: fc.Arbitrary<RawRequest> = fc
  .record({
    method: fc.oneof(fc.constant('POST'), oddMethods),
    path: paths,
    contentType: contentTypes,
    extra: extraHeaders,
    body: bodies,
    chunked: fc.boolean(),
  })
  .map(({ method, path, contentType, extra, body, chunked }) => ({
    method,
    path,
    headers: contentType === undefined ? extra : [['Content-Type', contentType], ...extra],
    body: method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : body,
    chunked: chunked && method !== 'GET' && method !== 'HEAD',
  }));

/** The request head's size, to tell Node's own 431 from a Hookgate answer. */
export function headBytes(req: RawRequest): number {
  return (
    Buffer.byteLength(req.path) +
    req.headers.reduce((n, [name, value]) => n + name.length + Buffer.byteLength(value) + 4, 0) +
    200
  );
}
