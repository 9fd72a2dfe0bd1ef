import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

/** A provider's fixture, exactly as stored under src/receivers/<provider>/fixtures. */
export const providerFixture = (provider: string, name: string): Buffer =>
  readFileSync(join(__dirname, '../../../src/receivers', provider, 'fixtures', name));

/** What signs one delivery: the case's own node:crypto (or SDK) code, never src/ code. */
export type SignHeaders = (input: {
  readonly body: Buffer;
  readonly at: Date;
  readonly secret: string;
  /** The key that makes the delivery distinct, for providers whose id is a header. */
  readonly key?: string;
}) => Record<string, string>;

export interface SignedJsonCaseSpec {
  readonly name: string;
  readonly provider: string;
  readonly endpoint: string;
  /** Newest first; deliveries are signed with the second (the older) unless a case says. */
  readonly secrets: readonly [string, string];
  readonly foreignSecret: () => string;
  readonly fixture: Buffer;
  /** The delivery id as written in the fixture, replaced by a case's key (body ids). */
  readonly idInFixture?: string;
  readonly headers: SignHeaders;
  readonly signatureHeaders: readonly string[];
  readonly secretHeaders?: readonly string[];
  readonly documented: ProviderCase['documented'];
  /** Default: the key is the delivery id. */
  readonly dedupe?: ProviderCase['dedupe'];
  readonly tampering: { readonly label: string; readonly from: string; readonly to: string };
  readonly toleranceSeconds?: number;
  readonly endpointExtras?: Record<string, unknown>;
  readonly malformed: readonly { label: string; body: string; message?: RegExp }[];
  /** The path called, when the provider signs the URL (it must be the endpoint's publicUrl). */
  readonly path?: string;
}

/**
 * The contract row of a JSON provider that signs with a shared secret, in the providers'
 * shape used by the timestamped family of issue 28: the fixture as published, a key written
 * into its id (or sent in a header) to make deliveries distinct, and a signer per provider.
 */
export function signedJsonCase(spec: SignedJsonCaseSpec): ProviderCase {
  const path = spec.path ?? `/webhooks/${spec.provider}/${spec.endpoint}`;
  const request = (body: Buffer, at: Date, secret: string, key?: string): WebhookRequest => ({
    path,
    headers: { 'content-type': 'application/json', ...spec.headers({ body, at, secret, key }) },
    body,
  });
  const withKey = (key: string | undefined) =>
    key && spec.idInFixture
      ? Buffer.from(spec.fixture.toString().split(spec.idInFixture).join(key))
      : spec.fixture;
  return {
    name: spec.name,
    provider: spec.provider,
    endpoint: spec.endpoint,
    app: () => ({
      endpoint: {
        provider: spec.provider,
        id: spec.endpoint,
        secrets: [...spec.secrets],
        ...spec.endpointExtras,
      },
    }),
    sign: ({ at, key, body, secret }) =>
      request(body ?? withKey(key), at, secret ?? spec.secrets[1], key),
    secrets: [...spec.secrets],
    foreignSecret: { make: spec.foreignSecret },
    signatureHeaders: spec.signatureHeaders,
    secretHeaders: spec.secretHeaders ?? [],
    documented: spec.documented,
    acknowledgement: 'json',
    dedupe: spec.dedupe ?? { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
    tamperings: [
      {
        label: spec.tampering.label,
        signedBody: spec.fixture,
        sentBody: Buffer.from(
          spec.fixture.toString().replace(spec.tampering.from, spec.tampering.to),
        ),
      },
    ],
    timestampWindow:
      spec.toleranceSeconds === undefined
        ? notApplicable(`${spec.name} signs no timestamp`)
        : { toleranceSeconds: spec.toleranceSeconds },
    otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
    malformed: spec.malformed.map(({ label, body, message }) => ({
      label,
      request: (at: Date) => request(Buffer.from(body), at, spec.secrets[1]),
      ...(message && { message }),
    })),
    refusedGet: { allow: 'POST' },
    refusedHead: { allow: 'POST' },
  };
}
