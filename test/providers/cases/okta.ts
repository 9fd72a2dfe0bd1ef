import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const DELIVERY = readFileSync(
  join(__dirname, '../../../src/receivers/okta/fixtures/user-session-start.json'),
);
const UUID = 'f790999f-fe87-467a-9880-6982a583986c';
const KEY = 'okta-e2e-authorization-key';
const NEXT_KEY = 'okta-e2e-next-authorization-key';

/** Okta's request headers as documented: the hook's Authorization value, as is. */
const sent = (body: Buffer, key = KEY): WebhookRequest => ({
  path: '/webhooks/okta/org',
  headers: { accept: 'application/json', 'content-type': 'application/json', authorization: key },
  body,
});

export const oktaCase: ProviderCase = {
  name: 'Okta',
  provider: 'okta',
  endpoint: 'org',
  app: () => ({ endpoint: { provider: 'okta', id: 'org', secrets: [NEXT_KEY, KEY] } }),
  sign: ({ key, body, secret }) =>
    sent(body ?? (key ? Buffer.from(DELIVERY.toString().replace(UUID, key)) : DELIVERY), secret),
  secrets: [NEXT_KEY, KEY],
  foreignSecret: { make: () => 'another-okta-key', message: /does not match/ },
  signatureHeaders: ['authorization'],
  secretHeaders: ['authorization'],
  documented: {
    type: 'user.session.start',
    providerDeliveryId: UUID,
    payload: JSON.parse(DELIVERY.toString()),
  },
  acknowledgement: 'json',
  // At most one retry, within seconds, of the same events.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 5_000 },
  tamperings: notApplicable('Okta signs nothing: the Authorization value authenticates the sender'),
  timestampWindow: notApplicable('Okta sends no signed timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => sent(Buffer.from('{"data":')) },
    {
      label: 'has no data.events',
      request: () => sent(Buffer.from('{"eventId":"b5a188b9"}')),
      message: /data\.events/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'GET, POST' },
};
