import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

/*
 * What the three Meta rows (instagram, whatsapp, facebook-messenger) share: Meta's signing,
 * computed here with node:crypto (no Meta vector exists), and the delivery id docs/providers.md
 * documents, computed here from the fixture's fields, never by src/ code.
 */
export const META_SECRET = 'meta-app-secret-0123456789abcdef';
export const META_NEXT_SECRET = 'meta-next-app-secret';
export const VERIFY_TOKEN = 'meatyhamhock-verify-token';

export const metaFixture = (provider: string, name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers', provider, 'fixtures', name));

/** Both headers Meta sends: `sha256=` and the legacy `sha1=` hex HMAC of the raw body. */
export function metaHeaders(body: Buffer, secret = META_SECRET): Record<string, string> {
  const hex = (algorithm: string) => createHmac(algorithm, secret).update(body).digest('hex');
  return {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${hex('sha256')}`,
    'x-hub-signature': `sha1=${hex('sha1')}`,
  };
}

/** The documented id: SHA-256 hex of the JSON list of item identities (one item here). */
export const metaIdentityHash = (...identity: unknown[]) =>
  createHash('sha256')
    .update(JSON.stringify([identity]))
    .digest('hex');

export interface MetaRow {
  readonly name: string;
  readonly provider: string;
  readonly endpoint: string;
  /** The documented delivery, as Meta sends it. */
  readonly fixture: Buffer;
  /** The fixture with the item's own id made from `key` (a distinct delivery). */
  readonly withKey: (key: string) => Buffer;
  readonly type: string;
  /** The delivery id of the fixture, and of `withKey(key)`. */
  readonly deliveryId: string;
  readonly deliveryIdOf: (key: string) => string;
  readonly payloadIncludes?: object;
}

/**
 * A Meta row. A redelivery (attempt 2) is the same batch written differently (indented, literal
 * characters for Meta's \u escapes): stored once all the same.
 */
export function metaCase(row: MetaRow): ProviderCase {
  const path = `/webhooks/${row.provider}/${row.endpoint}`;
  const signed = (body: Buffer, secret?: string): WebhookRequest => ({
    path,
    headers: metaHeaders(body, secret),
    body,
  });
  return {
    name: row.name,
    provider: row.provider,
    endpoint: row.endpoint,
    app: () => ({
      endpoint: {
        provider: row.provider,
        id: row.endpoint,
        secrets: [META_NEXT_SECRET, META_SECRET],
        options: { verifyToken: VERIFY_TOKEN },
      },
    }),
    sign: ({ key, body, secret, attempt = 1 }) => {
      const sent = body ?? (key ? row.withKey(key) : row.fixture);
      if (body || attempt === 1) return signed(sent, secret);
      return signed(
        Buffer.from(JSON.stringify(JSON.parse(sent.toString('utf8')), null, 2)),
        secret,
      );
    },
    secrets: [META_NEXT_SECRET, META_SECRET],
    foreignSecret: { make: () => 'another-app-secret' },
    signatureHeaders: ['x-hub-signature-256', 'x-hub-signature'],
    secretHeaders: [],
    documented: {
      type: row.type,
      providerDeliveryId: row.deliveryId,
      payload: JSON.parse(row.fixture.toString('utf8')),
      ...(row.payloadIncludes && { payloadIncludes: row.payloadIncludes }),
    },
    acknowledgement: 'json',
    // Meta retries until it gets a 200 (Messenger FAQ); the id derives from the batch.
    dedupe: { deliveryIdOf: row.deliveryIdOf, retryAfterMs: 60_000 },
    tamperings: [
      {
        label: 'the same events re-serialized (Meta signs its own bytes)',
        signedBody: row.fixture,
        sentBody: Buffer.from(JSON.stringify(JSON.parse(row.fixture.toString('utf8')), null, 1)),
      },
      { label: 'signed over another body', signedBody: Buffer.from('{}'), sentBody: row.fixture },
    ],
    timestampWindow: notApplicable('Meta signs no timestamp'),
    otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
    malformed: [
      { label: 'is not JSON', request: () => signed(Buffer.from('{"object":"page","entry":[')) },
      {
        label: 'has no entry',
        request: () => signed(Buffer.from('{"object":"page"}')),
        message: /"entry" is missing or empty/,
      },
      {
        label: 'has no object',
        request: () => signed(Buffer.from('{"entry":[{"id":"1","changes":[{"field":"feed"}]}]}')),
        message: /"object" is missing/,
      },
    ],
    // GET ?hub.* is Meta's handshake (meta.e2e-spec.ts). A GET without hub.* parameters passes
    // the edge and is refused after the handshake stage, naming POST; HEAD at the edge.
    refusedGet: { allow: 'POST' },
    refusedHead: { allow: 'GET, POST' },
  };
}
