import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type NotApplicable, type ProviderCase } from '../provider-case';

/** Two codes of ASP.NET's length (32-128), the older listed second (rotation). */
export const CODE = 'c0de5ec2e7c0de5ec2e7c0de5ec2e7c0de5ec2e7';
export const NEXT_CODE = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';

export const codeFixture = (provider: string, name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers', provider, 'fixtures', name));

/**
 * The delivery id providers.md documents for a provider that sends none, computed here with
 * node:crypto: SHA-256 of the JSON array of [field, value] (null when absent).
 */
export function sha256OfFields(fields: readonly [string, string | null | undefined][]): string {
  const normalized = fields.map(([name, value]) => [name, value ?? null]);
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}

export interface CodeCaseSpec {
  readonly name: string;
  readonly provider: string;
  readonly endpoint: string;
  readonly contentType: string;
  /** The documented sample, sent as published. */
  readonly documentedBody: Buffer;
  /** The sample made distinct by `key`, its delivery id being `dedupe.deliveryIdOf(key)`. */
  readonly bodyWithKey: (key: string) => Buffer;
  /** Headers the provider sends besides the content type, for this body. */
  readonly headersFor?: (body: Buffer) => Record<string, string>;
  readonly documented: ProviderCase['documented'];
  readonly dedupe: ProviderCase['dedupe'];
  readonly malformed: readonly { label: string; body: Buffer; message?: RegExp }[];
  readonly otherRefusedContentTypes?: readonly string[];
  readonly refusedGet?: ProviderCase['refusedGet'];
  readonly refusedHead?: { readonly allow: string } | NotApplicable;
}

/**
 * The contract row of a provider authenticated by ASP.NET's `?code=`: the code is put in the
 * query of the URL called, as the provider does with the URL it was given. Nothing is signed,
 * so there is no tampered body to refuse and no timestamp window.
 */
export function codeCase(spec: CodeCaseSpec): ProviderCase {
  const request = (body: Buffer, code: string) => ({
    path: `/webhooks/${spec.provider}/${spec.endpoint}?code=${encodeURIComponent(code)}`,
    headers: { 'content-type': spec.contentType, ...spec.headersFor?.(body) },
    body,
  });
  return {
    name: spec.name,
    provider: spec.provider,
    endpoint: spec.endpoint,
    app: () => ({
      endpoint: { provider: spec.provider, id: spec.endpoint, secrets: [NEXT_CODE, CODE] },
    }),
    sign: ({ key, body, secret }) =>
      request(body ?? (key ? spec.bodyWithKey(key) : spec.documentedBody), secret ?? CODE),
    secrets: [NEXT_CODE, CODE],
    foreignSecret: {
      make: () => 'f0'.repeat(20),
      message: /"code" query parameter does not match/,
    },
    signatureHeaders: [],
    signatureQueryParams: ['code'],
    secretHeaders: [],
    documented: spec.documented,
    acknowledgement: 'json',
    dedupe: spec.dedupe,
    tamperings: notApplicable(
      `${spec.name} signs nothing: ?code= authenticates the sender, not the body`,
    ),
    timestampWindow: notApplicable(`${spec.name} sends no signed timestamp`),
    otherRefusedContentTypes: spec.otherRefusedContentTypes ?? [],
    malformed: spec.malformed.map(({ label, body, message }) => ({
      label,
      request: () => request(body, CODE),
      ...(message && { message }),
    })),
    refusedGet: spec.refusedGet ?? { allow: 'POST' },
    refusedHead: spec.refusedHead ?? { allow: 'POST' },
  };
}
