import examples from '@octokit/webhooks-examples';
import { githubHeaders } from '../../helpers/github';
import { notApplicable, type ProviderCase } from '../provider-case';

/** GitHub's wire format: compact JSON with non-ASCII escaped as upper-case \uXXXX. */
export function githubJson(payload: unknown): Buffer {
  const json = JSON.stringify(payload).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return Buffer.from(json, 'utf8');
}

const SECRET = 'github-test-secret';
type Example = { name: string; examples: Record<string, unknown>[] };
const ISSUE_OPENED = (examples as unknown as Example[])
  .find((group) => group.name === 'issues')!
  .examples.find((payload) => payload.action === 'opened')!;
const DOCUMENTED = githubJson(ISSUE_OPENED);
/** The X-GitHub-Delivery of GitHub's documentation example. */
const DOCUMENTED_DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

/** Signed with node:crypto in test/helpers/github.ts (not the receiver's signer). */
export const githubCase: ProviderCase = {
  name: 'GitHub',
  provider: 'github',
  endpoint: 'acme',
  app: () => ({
    endpoint: { provider: 'github', id: 'acme', secrets: ['a-newer-secret', SECRET] },
  }),
  sign: ({ key, body, secret }) => {
    const sent = body ?? DOCUMENTED;
    return {
      path: '/webhooks/github/acme',
      headers: githubHeaders(secret ?? SECRET, sent, 'issues', key ?? DOCUMENTED_DELIVERY),
      body: sent,
    };
  },
  secrets: ['a-newer-secret', SECRET],
  foreignSecret: { make: () => 'wrong' },
  signatureHeaders: ['x-hub-signature-256'],
  secretHeaders: [],
  documented: {
    type: 'issues.opened',
    providerDeliveryId: DOCUMENTED_DELIVERY,
    payload: ISSUE_OPENED,
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    { label: 'signed over another body', signedBody: Buffer.from('{}'), sentBody: DOCUMENTED },
    {
      label: 'its action changed after signing',
      signedBody: DOCUMENTED,
      sentBody: Buffer.from(DOCUMENTED.toString().replace('"opened"', '"closed"')),
    },
  ],
  timestampWindow: notApplicable('GitHub signs no timestamp'),
  otherRefusedContentTypes: [],
  malformed: [
    {
      label: 'is not JSON',
      request: () => {
        const garbage = Buffer.from('{"oops":');
        return {
          path: '/webhooks/github/acme',
          headers: githubHeaders(SECRET, garbage, 'ping'),
          body: garbage,
        };
      },
    },
    {
      label: 'lacks X-GitHub-Event',
      request: () => {
        const headers = githubHeaders(SECRET, DOCUMENTED, 'issues');
        delete headers['x-github-event'];
        return { path: '/webhooks/github/acme', headers, body: DOCUMENTED };
      },
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
