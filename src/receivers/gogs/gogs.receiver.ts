import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { eventWithAction } from '../shared/event-with-action';
import { FORM_TYPE, parseJsonOrFormPayload, verifyingFormPayload } from './payload-form';

/**
 * Gogs: `X-Gogs-Signature: <hex HMAC-SHA256 of the JSON payload>` under the hook's secret, also
 * when the hook posts a form (the JSON in `payload` is what is signed: payload-form.ts). Headers
 * and signing: gogs/gogs `internal/database/webhook.go`; docs `docs/advancing/webhooks.mdx`.
 * Nothing is retried: a task is marked delivered before it is sent.
 */
export const gogsDescriptor: HmacDescriptor = {
  name: 'gogs',
  title: 'Gogs',
  contentTypes: ['application/json', FORM_TYPE],
  ackDeadlineMs: 15_000, // [webhook] DELIVER_TIMEOUT = 15 in gogs conf/app.ini
  algorithm: 'sha256',
  signature: { headers: ['X-Gogs-Signature'], encoding: 'hex' },
  messages: { missing: 'X-Gogs-Signature is missing or empty: set a secret on the Gogs webhook.' },
  parse: parseJsonOrFormPayload,
  normalize: eventWithAction('X-Gogs-Event', 'X-Gogs-Delivery'), // push, issues.opened
};

export type GogsOptions = HmacOptions;
export const gogsReceiver = verifyingFormPayload(hmacReceiver(gogsDescriptor), 'Gogs');
