import { codeCase, codeFixture, sha256OfFields } from './code-case';

const DEPLOYMENT = codeFixture('kudu', 'deployment-success.json');
const COMMIT = 'ff17489fbcb7e2dda9012ec285811b9b751ebb5e';
const END_TIME = '2015-09-26T04:26:55.6393049Z';

/** providers.md: SHA-256 over the deployment id, its status and end time. */
const deploymentId = (id: string) =>
  sha256OfFields([
    ['id', id],
    ['status', 'success'],
    ['endTime', END_TIME],
  ]);
const withDeployment = (key: string) => Buffer.from(DEPLOYMENT.toString().replace(COMMIT, key));

export const kuduCase = codeCase({
  name: 'Kudu',
  provider: 'kudu',
  endpoint: 'site',
  contentType: 'application/json',
  documentedBody: DEPLOYMENT,
  bodyWithKey: withDeployment,
  documented: {
    type: 'success',
    providerDeliveryId: deploymentId(COMMIT),
    payload: JSON.parse(DEPLOYMENT.toString()),
    payloadIncludes: { author: 'Henrik Frystyk Nielsen', complete: true },
  },
  dedupe: { deliveryIdOf: deploymentId, retryAfterMs: 60_000 },
  malformed: [
    { label: 'is not JSON', body: Buffer.from('{"id":') },
    { label: 'has no status', body: Buffer.from(`{"id":"${COMMIT}"}`), message: /"status"/ },
  ],
});
