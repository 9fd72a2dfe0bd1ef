import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { eventWithAction } from '../shared/event-with-action';
import { FORM_TYPE, parseJsonOrFormPayload, verifyingFormPayload } from '../gogs/payload-form';

/**
 * Gitea (a Gogs fork) and Forgejo (a Gitea fork, which still sends the X-Gitea-* set):
 * `X-Gitea-Signature: <hex HMAC-SHA256 of the JSON payload>`, no prefix, also in form mode,
 * where the JSON in the `payload` field is signed, not the form (go-gitea/gitea
 * `services/webhook/deliver.go`, addDefaultHeaders; ../gogs/payload-form.ts). A hook without a
 * secret sends the header empty. Gitea retries nothing by itself; a redelivery from its UI is a
 * new task with a new X-Gitea-Delivery.
 */
export const giteaDescriptor: HmacDescriptor = {
  name: 'gitea',
  title: 'Gitea',
  aliases: ['forgejo'],
  contentTypes: ['application/json', FORM_TYPE],
  ackDeadlineMs: 5_000, // [webhook] DELIVER_TIMEOUT = 5, gitea's custom/conf/app.example.ini
  algorithm: 'sha256',
  signature: { headers: ['X-Gitea-Signature'], encoding: 'hex' },
  messages: { missing: 'X-Gitea-Signature is missing or empty: set a secret on the webhook.' },
  parse: parseJsonOrFormPayload,
  normalize: eventWithAction('X-Gitea-Event', 'X-Gitea-Delivery'), // push, pull_request.opened
};

export type GiteaOptions = HmacOptions;
export const giteaReceiver = verifyingFormPayload(hmacReceiver(giteaDescriptor), 'Gitea');
