import { codeReceiver } from '../shared/code/code-receiver';

/**
 * The form fields that identify a Mailchimp audience event, hashed into its delivery id since
 * Mailchimp sends none: the event, its second, the audience, and the member (`data[id]`,
 * `data[email]`; `data[new_id]`/`data[new_email]` for upemail) or campaign (`data[id]`,
 * `data[status]`). Field names from Mailchimp's webhook samples (apidocs.mailchimp.com/webhooks,
 * as kept in docs/providers.md).
 */
export const MAILCHIMP_IDENTIFYING_FIELDS = [
  'type',
  'fired_at',
  'data[list_id]',
  'data[id]',
  'data[new_id]',
  'data[email]',
  'data[new_email]',
  'data[status]',
] as const;

/**
 * Mailchimp audience webhooks sign nothing: Mailchimp's advice is a secret in the callback URL
 * (mailchimp.com/developer/marketing/guides/sync-audience-data-webhooks/), here ASP.NET's
 * `?code=`. Saving a webhook sends a `GET` (the webhook validator) that must answer 200; it is
 * answered only once the code matched, as ASP.NET's MailChimpWebHookReceiver.cs does. Events
 * are HTML forms; `type` is subscribe, unsubscribe, profile, upemail, cleaned or campaign.
 * `fired_at` (`2009-03-26 21:35:57`) has no documented time zone, so no occurredAt.
 * Mailchimp gives up on an answer after 10 s and retries for 75 minutes (same guide).
 */
export const mailchimpReceiver = codeReceiver({
  name: 'mailchimp',
  title: 'Mailchimp',
  contentTypes: ['application/x-www-form-urlencoded'],
  body: 'form',
  ackDeadlineMs: 10_000,
  getValidator: true,
  type: { path: 'type' },
  id: { hashOf: MAILCHIMP_IDENTIFYING_FIELDS },
});
