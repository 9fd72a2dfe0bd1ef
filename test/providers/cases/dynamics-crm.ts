import { codeCase, codeFixture } from './code-case';

const CONTACT_UPDATE = codeFixture('dynamics-crm', 'contact-update.json');
const OPERATION_ID = '4af10637-4ea2-e711-8122-000d3aa2331c';

const withOperation = (key: string) =>
  Buffer.from(CONTACT_UPDATE.toString().replaceAll(OPERATION_ID, key));

export const dynamicsCrmCase = codeCase({
  name: 'Dynamics CRM',
  provider: 'dynamics-crm',
  endpoint: 'crm',
  contentType: 'application/json',
  documentedBody: CONTACT_UPDATE,
  bodyWithKey: withOperation,
  // Dataverse names the environment, table and message in headers too (use-webhooks).
  headersFor: () => ({
    'x-ms-dynamics-organization': 'orgname.crm.dynamics.com',
    'x-ms-dynamics-entity-name': 'contact',
    'x-ms-dynamics-request-name': 'Update',
  }),
  documented: {
    type: 'contact.Update',
    providerDeliveryId: OPERATION_ID,
    payload: JSON.parse(CONTACT_UPDATE.toString()),
    payloadIncludes: { OperationCreatedOn: '/Date(1506409448000-0700)/', RequestId: null },
    storedIncludes: { headers: { 'x-ms-dynamics-entity-name': 'contact' } },
  },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  malformed: [
    { label: 'is not JSON', body: Buffer.from('{"MessageName":') },
    {
      label: 'has no MessageName',
      body: Buffer.from('{"PrimaryEntityName":"contact"}'),
      message: /"MessageName"/,
    },
  ],
});
