import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const PRIORITY_UPDATED = readFileSync(
  join(__dirname, '../../../src/receivers/pagerduty/fixtures/incident-priority-updated.json'),
);
const SECRET = 'pagerduty-e2e-subscription-secret';
const NEXT_SECRET = 'pagerduty-e2e-rotated-secret';
const PATH = '/webhooks/pagerduty/incidents';
const EVENT_ID = '5ac64822-4adc-4fda-ade0-410becf0de4f';

/**
 * Signed as PagerDuty documents it, with node:crypto: one `v1=` per signing secret, comma
 * separated. Unless a case names one secret, both are signed, as during a rotation.
 */
function signed(body: Buffer, secrets: readonly string[] = [SECRET, NEXT_SECRET]): WebhookRequest {
  const v1 = (secret: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'PagerDuty-Webhook/V3.0',
      'x-pagerduty-signature': secrets.map(v1).join(','),
    },
    body,
  };
}

export const pagerdutyCase: ProviderCase = {
  name: 'PagerDuty',
  provider: 'pagerduty',
  endpoint: 'incidents',
  app: () => ({
    endpoint: { provider: 'pagerduty', id: 'incidents', secrets: [NEXT_SECRET, SECRET] },
  }),
  sign: ({ key, body, secret }) =>
    signed(
      body ?? Buffer.from(PRIORITY_UPDATED.toString().replace(EVENT_ID, key ?? EVENT_ID)),
      secret ? [secret] : undefined,
    ),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-subscription-secret' },
  signatureHeaders: ['x-pagerduty-signature'],
  secretHeaders: [],
  documented: {
    type: 'incident.priority_updated',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(PRIORITY_UPDATED.toString()),
  },
  acknowledgement: 'json',
  // Retried for up to 48 hours with the same event.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another priority after signing',
      signedBody: PRIORITY_UPDATED,
      sentBody: Buffer.from(PRIORITY_UPDATED.toString().replace('"P1"', '"P5"')),
    },
  ],
  timestampWindow: notApplicable('PagerDuty signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"event":')) },
    {
      label: 'has no event.event_type',
      request: () => signed(Buffer.from('{"event":{"id":"01BRB6ZP4M6T8ZG4X6BP63ZB9O"}}')),
      message: /event\.event_type/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
