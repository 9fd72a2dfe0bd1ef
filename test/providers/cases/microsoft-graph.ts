import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const NOTIFICATION = readFileSync(
  join(__dirname, '../../../src/receivers/microsoft-graph/fixtures/message-created.json'),
);
const DOCUMENTED_STATE = 'secretClientValue';
const NEXT_STATE = 'graph-e2e-next-client-state';
export const GRAPH_PATH = '/webhooks/microsoft-graph/mail';

/** The documented collection, its clientState and (for a key) its etag replaced. */
function collection(clientState: string, key?: string): Buffer {
  let text = NOTIFICATION.toString().replace(DOCUMENTED_STATE, clientState);
  if (key) text = text.replace('CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf', key);
  return Buffer.from(text);
}
const sent = (body: Buffer): WebhookRequest => ({
  path: GRAPH_PATH,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
});
/** What the receiver derives, recomputed from Graph's documented fields. */
const idOf = (etag: string) =>
  createHash('sha256')
    .update(
      `${JSON.stringify([
        '{subscription_guid}',
        'users/{user_guid}@{tenant_guid}/messages/{long_id_string}',
        'created',
        null,
        `W/"${etag}"`,
      ])}\n`,
    )
    .digest('hex');

function withoutClientState(collection: { value: Record<string, unknown>[] }) {
  return {
    value: collection.value.map((notification) => {
      const rest = { ...notification };
      delete rest.clientState;
      return rest;
    }),
  };
}

export const microsoftGraphCase: ProviderCase = {
  name: 'Microsoft Graph',
  provider: 'microsoft-graph',
  endpoint: 'mail',
  app: () => ({
    endpoint: {
      provider: 'microsoft-graph',
      id: 'mail',
      secrets: [NEXT_STATE, DOCUMENTED_STATE],
    },
  }),
  sign: ({ key, body, secret }) => sent(body ?? collection(secret ?? DOCUMENTED_STATE, key)),
  secrets: [NEXT_STATE, DOCUMENTED_STATE],
  foreignSecret: { make: () => 'another-client-state', message: /clientState does not match/ },
  signatureHeaders: notApplicable(
    'Graph signs nothing; the clientState of each notification in the body is what is checked',
  ),
  secretHeaders: [],
  documented: {
    type: 'created',
    providerDeliveryId: idOf('CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf'),
    // Without its clientState, the endpoint's secret.
    payload: withoutClientState(JSON.parse(NOTIFICATION.toString())),
    payloadIncludes: {
      value: [{ changeType: 'created', tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95' }],
    },
  },
  acknowledgement: 'json',
  // A resent collection repeats the same notifications.
  dedupe: { deliveryIdOf: idOf, retryAfterMs: 60_000 },
  tamperings: notApplicable(
    'Graph signs nothing: a changed body that keeps the clientState is accepted (basic notifications)',
  ),
  timestampWindow: notApplicable('Graph signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    {
      label: 'has a notification with neither changeType nor lifecycleEvent',
      request: () =>
        sent(Buffer.from(`{"value":[{"clientState":"${DOCUMENTED_STATE}","resource":"r"}]}`)),
      message: /changeType/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
