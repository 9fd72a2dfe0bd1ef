/**
 * The fuzz endpoints and signature headers of the timestamped HMAC providers and Square
 * (issue 28, part 3), kept apart so fuzz-routes.ts stays small and parallel additions merge.
 */
export const TIMESTAMPED_ROUTE_ENDPOINTS: readonly Record<string, unknown>[] = [
  ...['paddle', 'mux', 'workos', 'calendly', 'sanity', 'box', 'webflow', 'buildkite', 'polar'].map(
    (provider) => ({
      provider,
      id: `r-${provider}`,
      secrets: [`fuzz-${provider}-secret-3a9e7c1b5d0f2468`],
    }),
  ),
  // Svix's `whsec_<base64>` secrets, so that a key is really decoded and checked.
  ...['resend', 'clerk'].map((provider) => ({
    provider,
    id: `r-${provider}`,
    secrets: [`whsec_${Buffer.from(`fuzz-${provider}-svix-secret-0b7d3e9a`).toString('base64')}`],
  })),
  {
    provider: 'square',
    id: 'r-square',
    secrets: ['fuzz-square-signature-key-5c2e8a0f7d1b'],
    // Square signs the notification URL: the endpoint's publicUrl.
    publicUrl: 'https://hooks.example.com/webhooks/square/r-square',
  },
  // Public keys: any valid key of the kind; the fuzzer cannot sign for it.
  {
    provider: 'discord',
    id: 'r-discord',
    secrets: ['3f1a9c5e7b2d40816e9a3c5f7b1d2e4a6c8e0f2a4b6d8e0a1c3e5f7a9b1d3e5f'],
  },
  { provider: 'telnyx', id: 'r-telnyx', secrets: ['eu2zvPjhY6odxV34Z/EsRiERvTodkev4Fq0SlK90Izg='] },
  {
    provider: 'sendgrid',
    id: 'r-sendgrid',
    secrets: [
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==',
    ],
  },
  // Mailgun signs in the body; its route checks the signature object and the replay seam.
  { provider: 'mailgun', id: 'r-mailgun', secrets: ['fuzz-mailgun-signing-key-3a9e7c1b5d0f2468'] },
  {
    provider: 'contentful',
    id: 'r-contentful',
    secrets: ['fuzz-contentful-signing-secret-'.padEnd(64, '7')],
    publicUrl: 'https://hooks.example.com/webhooks/contentful/r-contentful',
  },
  // MessageBird's token signs the URL: the endpoint's publicUrl.
  {
    provider: 'messagebird',
    id: 'r-messagebird',
    secrets: ['fuzz-messagebird-signing-key-6d1f0a8c3e9b'],
    publicUrl: 'https://hooks.example.com/webhooks/messagebird/r-messagebird',
  },
  { provider: 'vonage', id: 'r-vonage', secrets: ['fuzz-vonage-signature-secret-2c7e4b9a'] },
  {
    provider: 'vonage',
    id: 'r-vonage-sms',
    secrets: ['fuzz-vonage-sms-signature-secret-8a1d5f3e'],
    options: { signature: 'sms-hmac-sha256' },
  },
];

export const TIMESTAMPED_SIGNATURE_HEADERS = [
  'Paddle-Signature',
  'mux-signature',
  'WorkOS-Signature',
  'Calendly-Webhook-Signature',
  'sanity-webhook-signature',
  'box-signature-primary',
  'box-signature-secondary',
  'box-delivery-timestamp',
  'x-webflow-signature',
  'x-webflow-timestamp',
  'X-Buildkite-Signature',
  'X-Buildkite-Token',
  'svix-id',
  'svix-timestamp',
  'x-square-hmacsha256-signature',
  'X-Signature-Ed25519',
  'X-Signature-Timestamp',
  'telnyx-signature-ed25519',
  'telnyx-timestamp',
  'X-Twilio-Email-Event-Webhook-Signature',
  'X-Twilio-Email-Event-Webhook-Timestamp',
  'X-Contentful-Signature',
  'X-Contentful-Signed-Headers',
  'X-Contentful-Timestamp',
  'MessageBird-Signature-JWT',
];
