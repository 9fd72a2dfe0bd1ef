import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../src/receivers/mailgun/fixtures', name), 'utf8'),
  ) as { signature: Record<string, string>; 'event-data': Record<string, unknown> };

/** Mailgun's documented `delivered` event (api-events.rst) in the webhook envelope. */
export const MAILGUN_DELIVERED = fixture('delivered.json');
export const MAILGUN_KEY = 'mailgun-http-webhook-signing-key-e2e-0123';
const NEXT_KEY = 'mailgun-http-webhook-signing-key-e2e-next';
const EVENT_ID = 'hK7mQVt1QtqRiOfQXta4sw';

/**
 * Mailgun's documented scheme, computed here with node:crypto: hex(HMAC-SHA256(signing key,
 * timestamp + token)), the token 50 random characters, in the body's `signature` object.
 * Each POST (a retry too) is signed afresh.
 */
export function mailgunSignature(
  at: Date,
  key = MAILGUN_KEY,
  token = randomBytes(25).toString('hex'),
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
  return { timestamp, token, signature };
}

/** A webhook POST as Mailgun sends it: JSON with `signature` and `event-data`. */
export function mailgunRequest(
  eventData: Record<string, unknown>,
  signature: Record<string, string>,
  path = '/webhooks/mailgun/mail',
): WebhookRequest {
  return {
    path,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ signature, 'event-data': eventData })),
  };
}

export const mailgunCase: ProviderCase = {
  name: 'Mailgun',
  provider: 'mailgun',
  endpoint: 'mail',
  app: () => ({ endpoint: { provider: 'mailgun', id: 'mail', secrets: [NEXT_KEY, MAILGUN_KEY] } }),
  sign: ({ at, key, body, secret }) => {
    if (body) {
      const parsed = JSON.parse(body.toString()) as Record<string, unknown>;
      return mailgunRequest(
        parsed['event-data'] as object as Record<string, unknown>,
        mailgunSignature(at, secret),
      );
    }
    const data = key
      ? { ...MAILGUN_DELIVERED['event-data'], id: key }
      : MAILGUN_DELIVERED['event-data'];
    return mailgunRequest(data, mailgunSignature(at, secret));
  },
  secrets: [NEXT_KEY, MAILGUN_KEY],
  foreignSecret: {
    make: () => 'another-accounts-signing-key',
    message: /does not match under any configured key/,
  },
  signatureHeaders: notApplicable(
    'Mailgun signs in the body (its "signature" object); a body without one is refused in the mailgun spec',
  ),
  secretHeaders: [],
  documented: {
    type: 'delivered',
    providerDeliveryId: EVENT_ID,
    payload: {
      signature: {
        timestamp: expect.stringMatching(/^\d{10}$/),
        token: expect.stringMatching(/^[0-9a-f]{50}$/),
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      'event-data': MAILGUN_DELIVERED['event-data'],
    },
    payloadIncludes: { 'event-data': { event: 'delivered', recipient: 'john@example.com' } },
  },
  acknowledgement: 'json',
  // Mailgun's first retry comes 5 to 10 minutes later, signed again with a new token.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 300_000 },
  tamperings: notApplicable(
    'Mailgun signs timestamp + token, not the body; another body under a token already seen is refused 401 replayed (mailgun spec)',
  ),
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
  // Signed, but no Mailgun event: 406, the one answer after which Mailgun does not retry.
  malformed: [
    {
      label: 'has no event-data',
      request: (at) => ({
        path: '/webhooks/mailgun/mail',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ signature: mailgunSignature(at) })),
      }),
      message: /no "event-data" object/,
      status: 406,
    },
    {
      label: 'has an event without "event"',
      request: (at) => mailgunRequest({ id: 'no-event-name' }, mailgunSignature(at)),
      message: /has no "event"/,
      status: 406,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
