import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { eventWithAction } from '../shared/event-with-action';

/**
 * Sentry integration-platform webhooks: `Sentry-Hook-Signature: <hex HMAC-SHA256 of the body>`
 * under the integration's Client Secret (docs.sentry.io/integrations/integration-platform/webhooks).
 * Sentry's own example app also accepts the legacy `Sentry-App-Signature` (getsentry/
 * integration-platform-example `backend-ts/src/api/middleware/verifySentrySignature.ts`); that
 * example HMACs `JSON.stringify(body)`, this checks the raw bytes. `Sentry-Hook-Timestamp` is not
 * signed, so it is not checked.
 */
export const sentryDescriptor: HmacDescriptor = {
  name: 'sentry',
  title: 'Sentry',
  // Answer within 1 s (sentry.io/changelog/2023-10-3-change-to-integration-platform-webhook-handling).
  ackDeadlineMs: 1_000,
  algorithm: 'sha256',
  signature: { headers: ['Sentry-Hook-Signature', 'Sentry-App-Signature'], encoding: 'hex' },
  messages: {
    mismatch: 'The signature does not match the body under any configured Client Secret.',
  },
  // installation.created, issue.resolved, event_alert.triggered
  normalize: eventWithAction('Sentry-Hook-Resource', 'Request-ID'),
};

export type SentryOptions = HmacOptions;
export const sentryReceiver = hmacReceiver(sentryDescriptor);
