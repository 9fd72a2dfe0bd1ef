import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import mergeRequestHook from '../../../src/receivers/gitlab/fixtures/merge-request-hook.json';
import pushHook from '../../../src/receivers/gitlab/fixtures/push-hook.json';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

/**
 * GitLab authenticates a hook in one of two ways, chosen per endpoint by the kind of secret: a
 * plain secret token (X-Gitlab-Token), or a signing token (whsec_...) that signs the Standard
 * Webhooks way. They differ in every refusal, so each mode is a row of its own.
 */
const TOKEN = 'gitlab-e2e-secret-token';
const OLD_TOKEN = 'gitlab-e2e-previous-token';
// GitLab's signing-token format: "whsec_" + strict base64 of 32 random bytes.
export const newSigningToken = () => 'whsec_' + randomBytes(32).toString('base64');
const SIGNING = newSigningToken();
const OLD_SIGNING = newSigningToken();
const TOKEN_PATH = '/webhooks/gitlab/classic';
const SIGNED_PATH = '/webhooks/gitlab/signed';
const MERGE_REQUEST = Buffer.from(JSON.stringify(mergeRequestHook));
const PUSH = Buffer.from(JSON.stringify(pushHook));

/** The headers GitLab sends with every hook (from its webhook documentation). */
export function gitlabHeaders(event: string, id: string = randomUUID()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'GitLab/18.6.0',
    'x-gitlab-event': event,
    'x-gitlab-event-uuid': randomUUID(),
    'x-gitlab-webhook-uuid': '3c9d3b1e-7f45-4a5e-9c1f-0d7c8b6a5e4f',
    'x-gitlab-instance': 'https://gitlab.example.com',
    'idempotency-key': id,
  };
}

/** Signing-token mode: Standard Webhooks headers, signed with the standardwebhooks SDK. */
export function gitlabSigningHeaders(
  secret: string,
  body: Buffer,
  at: Date,
  id: string = randomUUID(),
): Record<string, string> {
  return {
    ...gitlabHeaders('Push Hook', id),
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

const withToken = (body: Buffer | string, token = TOKEN): WebhookRequest => ({
  path: TOKEN_PATH,
  headers: { ...gitlabHeaders('Push Hook'), 'x-gitlab-token': token },
  body: Buffer.from(body),
});

const shared = {
  provider: 'gitlab',
  secretHeaders: ['x-gitlab-token'],
  acknowledgement: 'json',
  // Each retry has a new X-Gitlab-Event-UUID and the same Idempotency-Key.
  dedupe: { deliveryIdOf: (key: string) => key, retryAfterMs: 60_000 },
  otherRefusedContentTypes: [],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
} as const;

export const gitlabTokenCase: ProviderCase = {
  ...shared,
  name: 'GitLab (secret token)',
  endpoint: 'classic',
  app: () => ({ endpoint: { provider: 'gitlab', id: 'classic', secrets: [TOKEN, OLD_TOKEN] } }),
  sign: ({ key, body, secret }) => ({
    path: TOKEN_PATH,
    headers: {
      ...gitlabHeaders('Merge Request Hook', key ?? 'idem-mr-1'),
      'x-gitlab-token': secret ?? TOKEN,
    },
    body: body ?? MERGE_REQUEST,
  }),
  secrets: [TOKEN, OLD_TOKEN],
  foreignSecret: { make: () => 'guess' },
  signatureHeaders: ['x-gitlab-token'],
  documented: {
    type: 'merge_request.open',
    providerDeliveryId: 'idem-mr-1',
    payload: mergeRequestHook,
    storedIncludes: { headers: { 'x-gitlab-event': 'Merge Request Hook' } },
  },
  tamperings: notApplicable('a plain token authenticates the sender, not the body'),
  timestampWindow: notApplicable('a plain token carries no timestamp'),
  malformed: [
    { label: 'is not JSON', request: () => withToken('{"object_kind":') },
    { label: 'has no object_kind', request: () => withToken('{"ref":"refs/heads/main"}') },
  ],
};

export const gitlabSigningCase: ProviderCase = {
  ...shared,
  name: 'GitLab (signing token)',
  endpoint: 'signed',
  app: () => ({
    endpoint: { provider: 'gitlab', id: 'signed', secrets: [SIGNING, OLD_SIGNING] },
  }),
  sign: ({ at, key, body, secret }) => {
    const sent = body ?? PUSH;
    const headers = gitlabSigningHeaders(secret ?? SIGNING, sent, at, key ?? 'idem-signed-1');
    return { path: SIGNED_PATH, headers, body: sent };
  },
  secrets: [SIGNING, OLD_SIGNING],
  foreignSecret: { make: newSigningToken },
  signatureHeaders: ['webhook-signature'],
  documented: { type: 'push', providerDeliveryId: 'idem-signed-1', payload: pushHook },
  tamperings: [
    {
      label: 'its branch changed after signing',
      signedBody: PUSH,
      sentBody: Buffer.from(PUSH.toString().replace('master', 'main')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  malformed: [
    {
      label: 'is not JSON',
      request: (at) => {
        const bad = Buffer.from('{"object_kind":');
        return { path: SIGNED_PATH, headers: gitlabSigningHeaders(SIGNING, bad, at), body: bad };
      },
    },
  ],
};
