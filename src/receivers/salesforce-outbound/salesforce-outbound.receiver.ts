import type { NormalizedEvent, Receiver } from '../receiver';
import { commonType } from '../shared/batch';
import { batchDigest } from '../shared/digests';
import { rejectUnknownOptions } from '../shared/options';
import { refuse } from '../shared/refusal';
import { acknowledgeSalesforce } from './salesforce.ack';
import { organizationIdOf, readOutboundMessage, type OutboundMessage } from './salesforce.message';
import { verifyOrganizationId } from './salesforce.org-id';
import { parseSoapXml, readSoapXml } from './salesforce.xml';

/** Salesforce endpoints take no options: the organization ids are the secrets. */
export type SalesforceOutboundOptions = Readonly<Record<string, never>>;

/**
 * Salesforce outbound messages: SOAP 1.1 notifications sent by workflow rules and approval
 * processes (https://developer.salesforce.com/docs/platform/api/guide/sforce-api-om-outboundmessaging.html).
 * Authenticated only by the OrganizationId in the body (salesforce.org-id.ts) and answered
 * with the SOAP ack (salesforce.ack.ts).
 */
export const salesforceOutboundReceiver: Receiver<SalesforceOutboundOptions> = {
  name: 'salesforce-outbound',
  contentTypes: ['text/xml', 'application/xml'],
  profile: { schemes: ['org-id'], handshakes: [], signsTimestamp: false },
  // "The timeout for an outbound message is 60 seconds":
  // https://help.salesforce.com/s/articleView?id=platform.workflow_om_considerations.htm&type=5
  ackDeadlineMs: 60_000,

  parseOptions(options) {
    rejectUnknownOptions(options, 'Salesforce', [], 'put the organization id(s) in secrets');
    return {};
  },

  verify(req, { secrets }) {
    const xml = readSoapXml(req.rawBody);
    if ('problem' in xml) {
      // Unauthenticated bytes: a 401 like any request that cannot be verified, saying why.
      return refuse(`The body is ${xml.problem}, so no OrganizationId can be checked.`);
    }
    return verifyOrganizationId(organizationIdOf(xml.doc), secrets);
  },

  parse: (req) => readOutboundMessage(parseSoapXml(req.rawBody)),

  normalize: (_req, payload) => normalizeOutboundMessage(payload as OutboundMessage),

  acknowledge: acknowledgeSalesforce,
};

/**
 * - type: the notifications' sObject type (`Opportunity`, `Invoice__c`), which says what
 *   changed; ASP.NET used `ActionId`, an opaque workflow-rule id, which stays in the payload.
 *   A message is made by one outbound-message definition, so of one type; else `mixed`.
 * - providerDeliveryId: the Notification Id, stable across retries; for a message of several
 *   notifications, SHA-256 over their ids sorted.
 */
export function normalizeOutboundMessage(message: OutboundMessage): NormalizedEvent {
  const { notifications } = message;
  const ids = notifications.map((n) => n.id);
  const providerDeliveryId = batchDigest(ids);
  return { type: commonType(notifications.map((n) => n.type))!, providerDeliveryId };
}
