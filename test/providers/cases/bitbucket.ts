import { createHmac, randomUUID } from 'node:crypto';
import repoPush from '../../../src/receivers/bitbucket/fixtures/repo-push.json';
import { notApplicable, type ProviderCase } from '../provider-case';

const SECRET = 'bitbucket-e2e-secret';
const OLD_SECRET = 'bitbucket-e2e-previous-secret';
const PATH = '/webhooks/bitbucket/repos';
const REPO_PUSH = Buffer.from(JSON.stringify(repoPush));

/** Signed as Bitbucket Cloud does, with node:crypto here (Bitbucket ships no SDK). */
export function bitbucketHeaders(
  secret: string,
  body: Buffer,
  event = 'repo:push',
  request: string = randomUUID(),
  attempt = 1,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Bitbucket-Webhooks/2.0',
    'x-event-key': event,
    'x-hook-uuid': 'cb4a7cfc-1f4b-4a0b-9c0c-3a7a6c2d8f10',
    'x-request-uuid': request,
    'x-attempt-number': String(attempt),
    'x-hub-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

export const bitbucketCase: ProviderCase = {
  name: 'Bitbucket',
  provider: 'bitbucket',
  endpoint: 'repos',
  app: () => ({ endpoint: { provider: 'bitbucket', id: 'repos', secrets: [SECRET, OLD_SECRET] } }),
  sign: ({ key, body, attempt, secret }) => {
    const sent = body ?? REPO_PUSH;
    const request = key ?? '5f1d2c3b-8a9e-4b7c-a6d5-e4f3a2b1c0d9';
    return {
      path: PATH,
      headers: bitbucketHeaders(secret ?? SECRET, sent, 'repo:push', request, attempt),
      body: sent,
    };
  },
  secrets: [SECRET, OLD_SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-hub-signature'],
  secretHeaders: [],
  documented: {
    type: 'repo:push',
    providerDeliveryId: '5f1d2c3b-8a9e-4b7c-a6d5-e4f3a2b1c0d9',
    payload: repoPush,
  },
  acknowledgement: 'json',
  // A resend keeps X-Request-UUID and counts up X-Attempt-Number.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    { label: 'signed over another body', signedBody: Buffer.from('{}'), sentBody: REPO_PUSH },
    {
      label: 're-serialized with other whitespace',
      signedBody: REPO_PUSH,
      sentBody: Buffer.from(JSON.stringify(repoPush, null, 2)),
    },
  ],
  timestampWindow: notApplicable('Bitbucket signs no timestamp'),
  otherRefusedContentTypes: [],
  malformed: [
    {
      label: 'is not JSON',
      request: () => {
        const garbage = Buffer.from('{"push":');
        return { path: PATH, headers: bitbucketHeaders(SECRET, garbage), body: garbage };
      },
    },
    {
      label: 'has no X-Event-Key',
      request: () => {
        const headers = bitbucketHeaders(SECRET, REPO_PUSH);
        delete headers['x-event-key'];
        return { path: PATH, headers, body: REPO_PUSH };
      },
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
