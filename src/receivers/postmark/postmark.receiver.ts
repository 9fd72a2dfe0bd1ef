import { basicCredentialsReceiver } from '../shared/basic-credentials-receiver';
import { normalizePostmarkRecord } from './postmark.events';

/**
 * Postmark webhooks. Postmark signs nothing; its webhooks page recommends HTTP Basic credentials
 * in the webhook URL (`https://user:password@host/…`), which it sends as `Authorization: Basic`
 * (postmarkapp.com/developer/webhooks/webhooks-overview, "Protecting your webhooks"). Each
 * secret is `user:password`, checked as for `azure-devops` (shared/basic-credentials.ts).
 */
export const postmarkReceiver = basicCredentialsReceiver({
  name: 'postmark',
  title: 'Postmark',
  normalize: normalizePostmarkRecord,
});
