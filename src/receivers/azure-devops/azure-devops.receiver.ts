import { basicCredentialsReceiver } from '../shared/basic-credentials-receiver';
import { normalizeAzureDevOpsEvent } from './azure-devops.events';

/**
 * Azure DevOps (formerly VSTS) service hooks, Web Hooks consumer. Azure DevOps signs nothing;
 * the subscription's "Basic authentication username / password" is sent as HTTP Basic
 * credentials (learn.microsoft.com azure/devops/service-hooks/services/webhooks: "You must use
 * HTTPS for basic authentication on a webhook"), so each secret is `user:password`, checked as
 * for the generic `basic` provider (shared/basic-credentials.ts). ASP.NET's `?code=` URL is
 * not accepted: Basic keeps the secret out of the URL and out of proxies' access logs.
 * Azure DevOps retries 408, 502, 503 and 504 up to 8 times with a backoff of 1 s doubling to 60 s (about 3 minutes by our sum of those waits), disables a
 * subscription on 410, and puts it on probation after repeated other failures
 * (service-hooks/troubleshoot).
 */
export const azureDevOpsReceiver = basicCredentialsReceiver({
  name: 'azure-devops',
  title: 'Azure DevOps',
  aliases: ['vsts'],
  normalize: normalizeAzureDevOpsEvent,
});
