/**
 * The fuzz routes of the handshake and shared-secret providers of issue 28 (Telegram, Okta,
 * Zoom, Twitch, Microsoft Graph, Chargebee, Postmark, BigCommerce, HubSpot, Azure Event Grid),
 * spread into ROUTE_ENDPOINTS and SIGNATURE_HEADERS (fuzz-routes.ts): long random-looking
 * secrets, and the options each needs.
 */
export const HANDSHAKE_PROVIDER_ENDPOINTS: readonly Record<string, unknown>[] = [
  ...['telegram', 'okta', 'zoom', 'twitch', 'microsoft-graph'].map((provider) => ({
    provider,
    id: `r-${provider}`,
    secrets: [`fuzz-${provider}-secret-3a9e7c1b5d0f2468`],
  })),
  ...['chargebee', 'postmark'].map((provider) => ({
    provider,
    id: `r-${provider}`,
    secrets: [`fuzz:${provider}-1d7e3a9c5b0f2468`],
  })),
  {
    provider: 'bigcommerce',
    id: 'r-bigcommerce',
    secrets: ['fuzz-bigcommerce-token-5c9a1e7d3b0f2468'],
    options: { header: 'X-Webhook-Token' },
  },
  {
    provider: 'hubspot',
    id: 'r-hubspot',
    secrets: ['fuzz-hubspot-client-secret-6e2a0c8f4b1d9357'],
    publicUrl: 'https://hooks.example.com/webhooks/hubspot/r-hubspot',
  },
  {
    provider: 'azure-event-grid',
    id: 'r-azure-event-grid',
    secrets: ['fuzz-event-grid-secret-8a4c0e6b2d1f9357'],
    options: { header: 'X-Grid-Secret' },
  },
];

/** Their signature, token and handshake headers. */
export const HANDSHAKE_PROVIDER_HEADERS: readonly string[] = [
  'X-Telegram-Bot-Api-Secret-Token',
  'X-Okta-Verification-Challenge',
  'x-zm-signature',
  'x-zm-request-timestamp',
  'Twitch-Eventsub-Message-Signature',
  'Twitch-Eventsub-Message-Timestamp',
  'Twitch-Eventsub-Message-Id',
  'X-HubSpot-Signature-v3',
  'X-HubSpot-Signature',
  'X-HubSpot-Request-Timestamp',
  'X-Webhook-Token',
  'X-Grid-Secret',
  'aeg-event-type',
  'WebHook-Request-Origin',
];
