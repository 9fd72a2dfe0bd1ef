import { codeReceiver } from '../shared/code/code-receiver';
import { normalizeDynamicsContext } from './dynamics-crm.events';

/**
 * Dynamics 365 / Dataverse webhooks sign nothing. Registered with the **WebhookKey**
 * authentication option, Dataverse sends the key as `?code=` (learn.microsoft.com power-apps/
 * developer/data-platform/register-web-hook, "Authentication options"), which is ASP.NET's
 * scheme: the key must then be 32 to 128 characters (a GUID is 36). The body is the JSON
 * `RemoteExecutionContext` (dynamics-crm.events.ts). Dataverse waits 60 s for an answer and
 * tries once more only after a 502, 503 or 504 (use-webhooks, "Troubleshoot").
 */
export const dynamicsCrmReceiver = codeReceiver({
  name: 'dynamics-crm',
  title: 'Dynamics CRM',
  contentTypes: ['application/json'],
  body: 'json',
  ackDeadlineMs: 60_000,
  normalize: normalizeDynamicsContext,
});
