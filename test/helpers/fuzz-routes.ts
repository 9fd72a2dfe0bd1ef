import fc from 'fast-check';
import { SIGNATURE_HEADERS } from './fuzz-route-endpoints';
import { bodies, contentTypes, headerSafe } from './fuzz-requests';
import type { RawRequest } from './fuzz-raw-http';

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const base64 = fc
  .uint8Array({ minLength: 16, maxLength: 64 })
  .map((b) => Buffer.from(b).toString('base64'));

/** Values shaped like real signatures and credentials (right length and format, wrong value). */
const signatureValues: fc.Arbitrary<string> = fc.oneof(
  hex(64),
  hex(40),
  hex(64).map((h) => `sha256=${h}`),
  hex(40).map((h) => `sha1=${h}`),
  fc
    .tuple(fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }), hex(64))
    .map(([t, h]) => `t=${t},v1=${h}`),
  base64,
  base64.map((b) => `v1,${b}`),
  fc
    .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 20 }))
    .map(([user, password]) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`),
  fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).map(String),
  fc.string({ maxLength: 80 }).map(headerSafe),
);

/** The media types providers send, mostly, so most requests reach a verifier. */
const PROVIDER_CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/xml; charset=utf-8',
];

const queries = fc.option(
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).map((code) => `?code=${code}`),
    fc
      .stringMatching(/^[A-Za-z0-9]{1,32}$/)
      .map((token) => `?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`),
    fc.constantFrom(
      '?challenge=x',
      '?validationToken=abc',
      '?code=',
      '?code=a&code=b',
      '?hub.mode=subscribe&hub.challenge=1&hub.verify_token=fuzz-verify-token-0b7d3e9b',
    ),
  ),
  { nil: undefined },
);

/** Any request to a configured route (by name or alias), with signature-shaped headers. */
export function routeRequests(routes: readonly string[]): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      method: fc.oneof(
        { arbitrary: fc.constant('POST'), weight: 6 },
        fc.constantFrom('GET', 'HEAD', 'PUT'),
      ),
      route: fc.constantFrom(...routes),
      query: queries,
      contentType: fc.oneof(
        { arbitrary: fc.constantFrom(...PROVIDER_CONTENT_TYPES), weight: 4 },
        contentTypes,
      ),
      signatures: fc.array(fc.tuple(fc.constantFrom(...SIGNATURE_HEADERS), signatureValues), {
        maxLength: 5,
      }),
      body: bodies,
    })
    .map(({ method, route, query, contentType, signatures, body }) => ({
      method,
      path: `${route}${query ?? ''}`,
      headers: [
        ...(contentType === undefined
          ? []
          : ([['Content-Type', contentType]] as [string, string][])),
        ...signatures,
      ],
      body: method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : body,
    }));
}
