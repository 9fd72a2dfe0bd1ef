import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const PUSH = readFileSync(join(__dirname, '../../../src/receivers/gogs/fixtures/push.json'));
const SECRET = 'gogs-e2e-secret';
const NEXT_SECRET = 'gogs-e2e-next-secret';
const PATH = '/webhooks/gogs/repos';
const DELIVERY = 'f6266f16-1bf3-46a5-9ea4-602e06ead473';

/** Signed as gogs/gogs internal/database/webhook.go does, with node:crypto. */
function signed(
  body: Buffer,
  secret = SECRET,
  delivery = DELIVERY,
  event = 'push',
): WebhookRequest {
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'x-github-delivery': delivery,
      'x-github-event': event,
      'x-gogs-delivery': delivery,
      'x-gogs-event': event,
      'x-gogs-signature': createHmac('sha256', secret).update(body).digest('hex'),
    },
    body,
  };
}

export const gogsCase: ProviderCase = {
  name: 'Gogs',
  provider: 'gogs',
  endpoint: 'repos',
  app: () => ({ endpoint: { provider: 'gogs', id: 'repos', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) => signed(body ?? PUSH, secret, key),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-gogs-signature'],
  secretHeaders: [],
  documented: { type: 'push', providerDeliveryId: DELIVERY, payload: JSON.parse(PUSH.toString()) },
  acknowledgement: 'json',
  // Gogs retries nothing by itself; a repeated X-Gogs-Delivery is still stored once.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'pushed to another branch after signing',
      signedBody: PUSH,
      sentBody: Buffer.from(PUSH.toString().replace('refs/heads/main', 'refs/heads/evil')),
    },
  ],
  timestampWindow: notApplicable('Gogs signs no timestamp'),
  otherRefusedContentTypes: ['application/xml'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"ref":')) },
    {
      label: 'has no X-Gogs-Event',
      request: () => {
        const request = signed(PUSH);
        delete request.headers['x-gogs-event'];
        return request;
      },
      message: /X-Gogs-Event/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
