import { codeCase, codeFixture, sha256OfFields } from './code-case';

const COMMON_ALERT = codeFixture('azure-monitor', 'common-alert-metric.json');
const ALERT_GUID = 'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e';

/** providers.md: SHA-256 over the alert instance, its condition and its times. */
function commonAlertId(body: Buffer): string {
  const { essentials } = JSON.parse(body.toString()).data;
  return sha256OfFields([
    ['data.essentials.alertId', essentials.alertId],
    ['data.essentials.monitorCondition', essentials.monitorCondition],
    ['data.essentials.firedDateTime', essentials.firedDateTime],
    ['data.essentials.resolvedDateTime', essentials.resolvedDateTime],
  ]);
}

const withAlert = (key: string) => Buffer.from(COMMON_ALERT.toString().replace(ALERT_GUID, key));

export const azureMonitorCase = codeCase({
  name: 'Azure Monitor',
  provider: 'azure-monitor',
  endpoint: 'alerts',
  contentType: 'application/json',
  documentedBody: COMMON_ALERT,
  bodyWithKey: withAlert,
  documented: {
    type: 'WCUS-R2-Gen2',
    providerDeliveryId: commonAlertId(COMMON_ALERT),
    payload: JSON.parse(COMMON_ALERT.toString()),
    payloadIncludes: { data: { essentials: { monitorCondition: 'Resolved' } } },
  },
  dedupe: { deliveryIdOf: (key) => commonAlertId(withAlert(key)), retryAfterMs: 60_000 },
  malformed: [
    { label: 'is not JSON', body: Buffer.from('{"schemaId":') },
    {
      label: 'is a common-schema alert without alertRule',
      body: Buffer.from('{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{}}}'),
      message: /alertRule/,
    },
    {
      label: 'is a classic alert without context.name',
      body: Buffer.from('{"status":"Activated","context":{}}'),
      message: /"context\.name"/,
    },
  ],
});
