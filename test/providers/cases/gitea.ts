import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const GITEA_PUSH = readFileSync(
  join(__dirname, '../../../src/receivers/gitea/fixtures/push.json'),
);
export const GITEA_SECRET = 'gitea-e2e-secret';
const NEXT_SECRET = 'gitea-e2e-next-secret';
const PATH = '/webhooks/gitea/repos';
const DELIVERY = 'f6266f16-1bf3-46a5-9ea4-602e06ead473';

/**
 * The headers go-gitea/gitea services/webhook/deliver.go adds, signed with node:crypto over
 * the JSON payload (PayloadContent), which is also what a form hook signs.
 */
export function giteaHeaders(
  json: Buffer,
  secret = GITEA_SECRET,
  delivery = DELIVERY,
  event = 'push',
): Record<string, string> {
  const mac = (alg: 'sha1' | 'sha256') => createHmac(alg, secret).update(json).digest('hex');
  return {
    'content-type': 'application/json',
    'x-gitea-delivery': delivery,
    'x-gitea-event': event,
    'x-gitea-event-type': event,
    'x-gitea-signature': mac('sha256'),
    'x-gogs-delivery': delivery,
    'x-gogs-event': event,
    'x-gogs-signature': mac('sha256'),
    'x-hub-signature': `sha1=${mac('sha1')}`,
    'x-hub-signature-256': `sha256=${mac('sha256')}`,
  };
}

const signed = (body: Buffer, secret?: string, delivery?: string): WebhookRequest => ({
  path: PATH,
  headers: giteaHeaders(body, secret, delivery),
  body,
});

/** JSON hooks; form hooks and the forgejo alias are in gitea.e2e-spec.ts. */
export const giteaCase: ProviderCase = {
  name: 'Gitea',
  provider: 'gitea',
  endpoint: 'repos',
  app: () => ({
    endpoint: { provider: 'gitea', id: 'repos', secrets: [NEXT_SECRET, GITEA_SECRET] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? GITEA_PUSH, secret, key),
  secrets: [NEXT_SECRET, GITEA_SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-gitea-signature'],
  secretHeaders: [],
  documented: {
    type: 'push',
    providerDeliveryId: DELIVERY,
    payload: JSON.parse(GITEA_PUSH.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'pushed to another branch after signing',
      signedBody: GITEA_PUSH,
      sentBody: Buffer.from(GITEA_PUSH.toString().replace('refs/heads/develop', 'refs/heads/main')),
    },
  ],
  timestampWindow: notApplicable('Gitea signs no timestamp'),
  otherRefusedContentTypes: ['application/xml'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"ref":')) },
    {
      label: 'has no X-Gitea-Event',
      request: () => {
        const request = signed(GITEA_PUSH);
        delete request.headers['x-gitea-event'];
        return request;
      },
      message: /X-Gitea-Event/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
