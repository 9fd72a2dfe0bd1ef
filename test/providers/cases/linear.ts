import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderCase, WebhookRequest } from '../provider-case';

const SAMPLE = JSON.parse(
  readFileSync(
    join(__dirname, '../../../src/receivers/linear/fixtures/issue-create.json'),
  ).toString(),
) as Record<string, unknown>;
const SECRET = 'lin_wh_e2e_signing_secret';
const NEXT_SECRET = 'lin_wh_e2e_next_signing_secret';
const PATH = '/webhooks/linear/issues';
const DELIVERY = '7a3c1e52-0b6d-4f8e-9a21-5c4d3b2a1f00';

/** The documented Issue payload as Linear sends it at `at`: webhookTimestamp in ms. */
const issue = (at: Date, extra: object = {}) =>
  Buffer.from(JSON.stringify({ ...SAMPLE, webhookTimestamp: at.getTime(), ...extra }));

/** Signed as Linear documents it (hex HMAC-SHA256 of the body), with node:crypto. */
const signed = (body: Buffer, secret = SECRET, delivery = DELIVERY): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Linear-Webhook',
    'linear-delivery': delivery,
    'linear-event': 'Issue',
    'linear-signature': createHmac('sha256', secret).update(body).digest('hex'),
  },
  body,
});

export const linearCase: ProviderCase = {
  name: 'Linear',
  provider: 'linear',
  endpoint: 'issues',
  app: () => ({ endpoint: { provider: 'linear', id: 'issues', secrets: [NEXT_SECRET, SECRET] } }),
  // A retry is the same delivery, sent (and timestamped) again.
  sign: ({ at, key, body, secret }) => signed(body ?? issue(at), secret, key ?? DELIVERY),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'lin_wh_another_workspace' },
  signatureHeaders: ['linear-signature'],
  secretHeaders: [],
  documented: {
    type: 'Issue.create',
    providerDeliveryId: DELIVERY,
    payload: { ...SAMPLE, webhookTimestamp: expect.any(Number) },
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the title changed after signing',
      signedBody: issue(new Date('2026-11-27T12:00:00Z')),
      sentBody: issue(new Date('2026-11-27T12:00:00Z'), { url: 'https://evil.example/LIN-1' }),
    },
  ],
  timestampWindow: { toleranceSeconds: 60 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  // A body that is not JSON has no signed timestamp: that is a 401, not a 400.
  malformed: [
    {
      label: 'has no type',
      request: (at) =>
        signed(Buffer.from(JSON.stringify({ action: 'create', webhookTimestamp: at.getTime() }))),
      message: /"type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
