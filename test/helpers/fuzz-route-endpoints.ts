import {
  HANDSHAKE_PROVIDER_ENDPOINTS,
  HANDSHAKE_PROVIDER_HEADERS,
} from './fuzz-routes-handshake-providers';
import {
  TIMESTAMPED_ROUTE_ENDPOINTS,
  TIMESTAMPED_SIGNATURE_HEADERS,
} from './fuzz-routes-timestamped';
import { travisKeyPair } from './travis-delivery';

/**
 * One endpoint per built-in provider, for the fuzz property "nothing unsigned is stored": a
 * request that does not know the endpoint's secret must never be acknowledged, whatever its
 * route, headers, query or body. The secrets are long and random-looking, so a generated value
 * cannot match one by chance.
 */
export const ROUTE_ENDPOINTS: readonly Record<string, unknown>[] = [
  { provider: 'github', id: 'r-github', secrets: ['fuzz-github-7c1d0a9e55b2f04e'] },
  { provider: 'gitlab', id: 'r-gitlab', secrets: ['fuzz-gitlab-0e6b1f3a9d2c8e47'] },
  { provider: 'slack', id: 'r-slack', secrets: ['fuzz-slack-5a0c7e2b91f3d846'] },
  { provider: 'stripe', id: 'r-stripe', secrets: ['whsec_fuzz_stripe_2b7e9c04a1d6'] },
  {
    provider: 'standard-webhooks',
    id: 'r-standard',
    secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
  },
  { provider: 'bitbucket', id: 'r-bitbucket', secrets: ['fuzz-bitbucket-8f2a6c1e0b94d735'] },
  { provider: 'shopify', id: 'r-shopify', secrets: ['fuzz-shopify-3d9e0b7a2c5f1864'] },
  { provider: 'dropbox', id: 'r-dropbox', secrets: ['fuzz-dropbox-6b1f8d3e0a7c2459'] },
  {
    provider: 'trello',
    id: 'r-trello',
    secrets: ['fuzz-trello-1e7c4a9b2d0f6835'],
    publicUrl: 'https://hooks.example.com/webhooks/trello/r-trello',
  },
  {
    provider: 'twilio',
    id: 'r-twilio',
    secrets: ['fuzz-twilio-9a3f6e0c1b8d2574'],
    publicUrl: 'https://hooks.example.com/webhooks/twilio/r-twilio',
  },
  {
    provider: 'hmac',
    id: 'r-hmac',
    secrets: ['fuzz-hmac-4c8b2e7f0a1d9365'],
    options: {
      header: 'X-Sig',
      signatureKey: 'v1',
      timestampFrom: 'signature:t',
      signedContent: '{timestamp}.{body}',
    },
  },
  {
    provider: 'token',
    id: 'r-token',
    secrets: ['fuzz-token-0f5d9b3a7e2c1648'],
    options: { header: 'X-Api-Key' },
  },
  {
    provider: 'token',
    id: 'r-token-query',
    secrets: ['fuzz-token-query-6e2a0d8c4b1f9357'],
    options: { query: 'code' },
  },
  { provider: 'basic', id: 'r-basic', secrets: ['fuzz:basic-2d7f1b9e5c0a4863'] },
  ...['instagram', 'whatsapp', 'facebook-messenger'].map((provider) => ({
    provider,
    id: `r-${provider}`,
    secrets: [`fuzz-${provider}-app-secret-5e1c`],
    options: { verifyToken: 'fuzz-verify-token-0b7d3e9a' },
  })),
  { provider: 'pusher', id: 'r-pusher', secrets: ['fuzz-pusher-key:fuzz-pusher-secret-8d2c'] },
  { provider: 'zendesk', id: 'r-zendesk', secrets: ['fuzz-zendesk-1b6e9f3c0a7d2584'] },
  {
    provider: 'mandrill',
    id: 'r-mandrill',
    secrets: ['fuzz-mandrill-4e8a1c7f3b0d9265'],
    publicUrl: 'https://hooks.example.com/webhooks/mandrill/r-mandrill',
  },
  { provider: 'salesforce-outbound', id: 'r-salesforce', secrets: ['00D5e000000FuZzAB1'] },
  ...['mailchimp', 'wordpress', 'azure-monitor', 'kudu', 'myget', 'dynamics-crm'].map(
    (provider) => ({
      provider,
      id: `r-${provider}`,
      secrets: [`fuzz-code-${provider}-7f3a9c1e5b0d8246`.padEnd(40, 'x')],
    }),
  ),
  // No configured secret: the fuzzer's own X-Hook-Secret handshakes hand one over.
  { provider: 'asana', id: 'r-asana' },
  {
    provider: 'azure-devops',
    id: 'r-azure-devops',
    secrets: ['fuzz:azure-devops-6c0e4a8b2f1d9357'],
  },
  ...[
    'sentry',
    'gogs',
    'gitea',
    'jira',
    'intercom',
    'vercel',
    'razorpay',
    'coinbase-commerce',
    'gocardless',
    'onfido',
    'circleci',
    'pagerduty',
    'helpscout',
    'notion',
    'docusign',
    'woocommerce',
    'linear',
    'segment',
    'line',
    'typeform',
  ].map((provider) => ({
    provider,
    id: `r-${provider}`,
    secrets: [`fuzz-${provider}-secret-3a9e7c1b5d0f2468`],
  })),
  ...TIMESTAMPED_ROUTE_ENDPOINTS,
  ...HANDSHAKE_PROVIDER_ENDPOINTS,
  // The security token is base64 (its decoded bytes are the key).
  { provider: 'teams-outgoing', id: 'r-teams-outgoing', secrets: ['ZnV6ei10ZWFtcy03YzNlOWEx'] },
  // Adyen: an HMAC key (64 hex) and Basic credentials, both required.
  {
    provider: 'adyen',
    id: 'r-adyen',
    secrets: [
      '9F3A6C1E5B0D8247A1C3E5F7092B4D6F8A0C2E4F6183A5C7E9B1D3F5072A4C6E',
      'fuzz:adyen-4b8e2a6c0d1f9357',
    ],
  },
  {
    provider: 'braintree',
    id: 'r-braintree',
    secrets: ['fuzzpub7c1d:fuzz-braintree-private-0a9e55b2f04e'],
  },
  {
    provider: 'dropbox-sign',
    id: 'r-dropbox-sign',
    secrets: ['fuzz-dropbox-sign-api-key-6b1f8d3e0a7c2459'],
  },
  // No secret: the signature is in the body, by a certificate fetched only for a listed topic
  // (a random-looking one here), so a generated request is refused before any fetch.
  {
    provider: 'aws-sns',
    id: 'r-aws-sns',
    options: { topicArns: ['arn:aws:sns:us-east-1:000000000000:fuzz-aws-sns-7d3e9a1c5b20f486'] },
  },
  // The public key is pinned in secrets, so the receiver never fetches /config (no network);
  // a generated request cannot sign with the private key, made here and thrown away.
  { provider: 'travis-ci', id: 'r-travis-ci', secrets: [travisKeyPair().publicKeyPem] },
  {
    provider: 'plivo',
    id: 'r-plivo',
    secrets: ['fuzz-plivo-6d2b9f0e4a7c1358'],
    publicUrl: 'https://hooks.example.com/webhooks/plivo/r-plivo',
  },
];

/**
 * Providers not in the table, and why. A spec fails when a registered provider is in neither
 * list, so a new provider cannot be forgotten here.
 */
export const ROUTES_NOT_FUZZED: Readonly<Record<string, string>> = {
  paypal:
    'verification fetches the certificate named in the request; fuzzing it would fetch attacker URLs (refused by its own spec)',
};

/** Header names that carry signatures, tokens or credentials across the providers. */
export const SIGNATURE_HEADERS = [
  'X-Hub-Signature-256',
  'X-Hub-Signature',
  'X-Gitlab-Token',
  'X-Gitlab-Signature',
  'X-Slack-Signature',
  'X-Slack-Request-Timestamp',
  'Stripe-Signature',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'svix-signature',
  'X-Shopify-Hmac-Sha256',
  'X-Dropbox-Signature',
  'X-Trello-Webhook',
  'X-Twilio-Signature',
  'X-Sig',
  'X-Api-Key',
  'Authorization',
  'X-Pusher-Key',
  'X-Pusher-Signature',
  'X-Zendesk-Webhook-Signature',
  'X-Zendesk-Webhook-Signature-Timestamp',
  'X-Mandrill-Signature',
  'Sentry-Hook-Signature',
  'X-Gogs-Signature',
  'X-Gitea-Signature',
  'X-Razorpay-Signature',
  'X-CC-Webhook-Signature',
  'Webhook-Signature',
  'X-SHA2-Signature',
  'circleci-signature',
  'X-PagerDuty-Signature',
  'x-vercel-signature',
  'X-Hook-Signature',
  'X-Hook-Secret',
  ...TIMESTAMPED_SIGNATURE_HEADERS,
  ...HANDSHAKE_PROVIDER_HEADERS,
  'X-HelpScout-Signature',
  'X-Notion-Signature',
  'X-DocuSign-Signature-1',
  'X-WC-Webhook-Signature',
  'Linear-Signature',
  'X-Signature',
  'x-line-signature',
  'Typeform-Signature',
  'x-amz-sns-message-type',
  'x-amz-sns-rawdelivery',
  'Signature',
  'X-Plivo-Signature-V3',
  'X-Plivo-Signature-V3-Nonce',
  'X-Plivo-Signature-V2',
  'X-Plivo-Signature-V2-Nonce',
];
