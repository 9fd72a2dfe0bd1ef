import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const eventGridFixture = (name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers/azure-event-grid/fixtures', name));
const BLOB_CREATED = eventGridFixture('blob-created.json');
const EVENT_ID = '831e1650-001e-001b-66ab-eeb76e069631';
export const EVENT_GRID_SECRET = 'event-grid-e2e-delivery-secret';
const NEXT_SECRET = 'event-grid-e2e-next-secret';
export const EVENT_GRID_PATH = '/webhooks/azure-event-grid/storage';

/** A delivery of a subscription with the static delivery property `X-Grid-Secret` (secret). */
export const eventGridSent = (
  body: Buffer,
  secret = EVENT_GRID_SECRET,
  eventType = 'Notification',
): WebhookRequest => ({
  path: EVENT_GRID_PATH,
  headers: {
    'content-type': 'application/json',
    'aeg-event-type': eventType,
    'aeg-delivery-count': '0',
    'x-grid-secret': secret,
  },
  body,
});

export const azureEventGridCase: ProviderCase = {
  name: 'Azure Event Grid',
  provider: 'azure-event-grid',
  endpoint: 'storage',
  app: () => ({
    endpoint: {
      provider: 'azure-event-grid',
      id: 'storage',
      secrets: [NEXT_SECRET, EVENT_GRID_SECRET],
      options: { header: 'X-Grid-Secret' },
    },
  }),
  sign: ({ key, body, secret }) =>
    eventGridSent(
      body ?? (key ? Buffer.from(BLOB_CREATED.toString().replace(EVENT_ID, key)) : BLOB_CREATED),
      secret,
    ),
  secrets: [NEXT_SECRET, EVENT_GRID_SECRET],
  foreignSecret: { make: () => 'another-delivery-secret', message: /does not match/ },
  signatureHeaders: ['x-grid-secret'],
  secretHeaders: ['x-grid-secret'],
  documented: {
    type: 'Microsoft.Storage.BlobCreated',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(BLOB_CREATED.toString()),
  },
  acknowledgement: 'json',
  // Redelivered with the same event id, with an exponential backoff.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 10_000 },
  tamperings: notApplicable(
    'Event Grid signs nothing: the delivery property authenticates the sender',
  ),
  timestampWindow: notApplicable('Event Grid sends no signed timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => eventGridSent(Buffer.from('[{"id":')) },
    {
      label: 'holds an event without eventType',
      request: () => eventGridSent(Buffer.from(`[{"id":"${EVENT_ID}"}]`)),
      message: /eventType/,
    },
  ],
  refusedGet: { allow: 'OPTIONS, POST' },
  refusedHead: { allow: 'OPTIONS, POST' },
};
