import { codeReceiver } from '../shared/code/code-receiver';
import { normalizeAzureMonitorAlert } from './azure-monitor.events';

/**
 * Azure Monitor alert webhooks (action groups, and the retired classic metric alerts) sign
 * nothing here: the URL carries ASP.NET's `?code=`. Both the common alert schema and the
 * classic payload are read (azure-monitor.events.ts). The action group's "secure webhook"
 * (a Microsoft Entra bearer token) is not verified by this receiver.
 */
export const azureMonitorReceiver = codeReceiver({
  name: 'azure-monitor',
  title: 'Azure Monitor',
  contentTypes: ['application/json'],
  body: 'json',
  normalize: normalizeAzureMonitorAlert,
});
