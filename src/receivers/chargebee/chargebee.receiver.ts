import { basicCredentialsReceiver } from '../shared/basic-credentials-receiver';
import { normalizeChargebeeEvent } from './chargebee.events';

/**
 * Chargebee webhooks. Chargebee signs nothing: the webhook's "Protect webhook URL with basic
 * authentication" user name and password are sent as HTTP Basic credentials, which is what
 * chargebee-node checks (`src/resources/webhook/auth.ts`, `basicAuthValidator`). Each secret is
 * `user:password`, checked as for `azure-devops` (shared/basic-credentials.ts). Only a 200
 * counts; a failed event is resent up to 7 times over about 3.5 days (support.chargebee.com
 * article 257941).
 */
export const chargebeeReceiver = basicCredentialsReceiver({
  name: 'chargebee',
  title: 'Chargebee',
  normalize: normalizeChargebeeEvent,
});
