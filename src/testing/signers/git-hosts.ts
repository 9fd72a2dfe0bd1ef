import { hmacDigest } from './encoding';
import { standardWebhooksHeaders } from './timestamped';
import type { Signer } from './signer';

export const githubSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the webhook's secret",
  defaultType: 'issues',
  typeHeader: 'x-github-event',
  idHeader: 'x-github-delivery',
  sign(input) {
    const digest = hmacDigest('sha256', input.secret, [input.body], 'hex');
    return {
      headers: {
        'x-github-event': input.type ?? 'issues',
        'x-github-delivery': input.id,
        'x-hub-signature-256': `sha256=${digest}`,
        'user-agent': 'GitHub-Hookshot/hookgate-testing',
      },
    };
  },
};

/**
 * GitLab sends a secret token as is, or (a `whsec_` signing token) signs the Standard Webhooks
 * way; the secret's form picks which, as in GitLab's own settings.
 */
export const gitlabSigner: Signer = {
  contentType: 'application/json',
  secretMeans: 'the secret token, or a whsec_… signing token (then Standard Webhooks signing)',
  defaultType: 'Push Hook',
  typeHeader: 'x-gitlab-event',
  idHeader: 'idempotency-key',
  sign(input) {
    const common = {
      'x-gitlab-event': input.type ?? 'Push Hook',
      'idempotency-key': input.id,
      'user-agent': 'GitLab/hookgate-testing',
    };
    if (input.secret.startsWith('whsec_')) {
      return { headers: { ...common, ...standardWebhooksHeaders(input) } };
    }
    return { headers: { ...common, 'x-gitlab-token': input.secret } };
  },
};
