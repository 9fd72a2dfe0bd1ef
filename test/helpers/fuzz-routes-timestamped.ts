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
  // Mailgun signs in the body; its route checks the signature object and the replay seam.
  { provider: 'mailgun', id: 'r-mailgun', secrets: ['fuzz-mailgun-signing-key-3a9e7c1b5d0f2468'] },
  {
    provider: 'contentful',
    id: 'r-contentful',
    secrets: ['fuzz-contentful-signing-secret-'.padEnd(64, '7')],
    publicUrl: 'https://hooks.example.com/webhooks/contentful/r-contentful',
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
  'X-Contentful-Signature',
  'X-Contentful-Signed-Headers',
  'X-Contentful-Timestamp',
];
