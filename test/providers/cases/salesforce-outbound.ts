import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

/** ASP.NET's test outbound message, cut to its first notification (a Lead). */
export const SALESFORCE_LEAD = readFileSync(
  join(__dirname, '../../../src/receivers/salesforce-outbound/fixtures/lead-notification.xml'),
  'utf8',
);
/** The message's OrganizationId (18 characters); the endpoint holds its 15-character form. */
export const SALESFORCE_ORG_18 = '0123456789ABCDENNN';
export const SALESFORCE_ORG_15 = '0123456789ABCDE';
const SANDBOX_ORG = '00D000000000001';
const NOTIFICATION_ID = '04l37000000L0E5AAK';
const PATH = '/webhooks/salesforce-outbound/crm';

/** The answer Salesforce requires (its WSDL's notificationsResponse), written out here. */
export const SALESFORCE_ACK =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
  '<soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack>' +
  '</notificationsResponse></soapenv:Body></soapenv:Envelope>';

/** The message as Salesforce sends it: no signature, the organization id in the body. */
export function salesforceRequest(xml: string, path = PATH): WebhookRequest {
  return {
    path,
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
    body: Buffer.from(xml),
  };
}

/** The Lead message, for another notification id and/or from another organization. */
export const salesforceLead = ({ id, orgId }: { id?: string; orgId?: string } = {}) =>
  SALESFORCE_LEAD.replace(
    `<Id>${NOTIFICATION_ID}</Id>`,
    `<Id>${id ?? NOTIFICATION_ID}</Id>`,
  ).replace(
    `<OrganizationId>${SALESFORCE_ORG_18}</OrganizationId>`,
    `<OrganizationId>${orgId ?? SALESFORCE_ORG_18}</OrganizationId>`,
  );

/** The sObject's fields, read from the fixture with a regular expression, not the gateway's parser. */
const leadFields = Object.fromEntries(
  [...SALESFORCE_LEAD.matchAll(/<sf:(\w+)>([^<]*)<\/sf:\1>/g)].map(([, name, value]) => [
    name,
    value,
  ]),
);
const text = (element: string) =>
  new RegExp(`<${element}>([^<]*)</${element}>`).exec(SALESFORCE_LEAD)![1];

export const salesforceOutboundCase: ProviderCase = {
  name: 'Salesforce outbound messages',
  provider: 'salesforce-outbound',
  endpoint: 'crm',
  app: () => ({
    endpoint: {
      provider: 'salesforce-outbound',
      id: 'crm',
      secrets: [SANDBOX_ORG, SALESFORCE_ORG_15],
    },
  }),
  // A retry is the same message: the same Notification Id.
  sign: ({ key, body, secret }) =>
    body
      ? salesforceRequest(body.toString())
      : salesforceRequest(salesforceLead({ id: key, orgId: secret })),
  secrets: notApplicable(
    'the organization id is no secret: Salesforce writes it in every message (OrganizationId, the URLs, the session id); several orgs: salesforce-outbound spec',
  ),
  foreignSecret: {
    make: () => '00D000000000009AAA',
    message: /OrganizationId is not one of the organization ids/,
  },
  signatureHeaders: notApplicable(
    'Salesforce signs nothing; the OrganizationId in the body is what is checked',
  ),
  secretHeaders: [],
  documented: {
    type: 'Lead',
    providerDeliveryId: NOTIFICATION_ID,
    payload: {
      organizationId: SALESFORCE_ORG_18,
      actionId: text('ActionId'),
      sessionId: text('SessionId'),
      enterpriseUrl: text('EnterpriseUrl'),
      partnerUrl: text('PartnerUrl'),
      notifications: [{ id: NOTIFICATION_ID, type: 'Lead', fields: leadFields }],
    },
    payloadIncludes: { notifications: [{ fields: { FirstName: 'Henrik', Company: 'Microsoft' } }] },
  },
  // Salesforce needs the SOAP Ack; id and duplicate travel in headers.
  acknowledgement: { contentType: 'text/xml; charset=utf-8', text: SALESFORCE_ACK },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 120_000 },
  tamperings: notApplicable(
    'Salesforce signs nothing: a changed body that keeps the OrganizationId is accepted (documented)',
  ),
  timestampWindow: notApplicable('Salesforce signs no timestamp'),
  otherRefusedContentTypes: ['application/json', 'application/soap+xml'],
  malformed: [
    {
      label: 'holds no Notification',
      request: () =>
        salesforceRequest(SALESFORCE_LEAD.replace(/<Notification>[\s\S]*<\/Notification>/, '')),
      message: /holds no Notification/,
    },
    {
      label: 'has an sObject without xsi:type',
      request: () => salesforceRequest(SALESFORCE_LEAD.replace(' xsi:type="sf:Lead"', '')),
      message: /has no sObject with an xsi:type/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
