import { MalformedBodyError } from '../../errors/webhook-errors';

/**
 * What an outbound message says, read from the parsed SOAP envelope
 * (`Envelope/Body/notifications`, https://developer.salesforce.com/docs/platform/api/guide/sforce-api-om-outboundmessaging-wsdl.html):
 * the stored payload handlers get.
 */
export interface OutboundMessage {
  readonly organizationId: string;
  /** The workflow rule (action) that sent the message. */
  readonly actionId: string;
  /** A session to call Salesforce back with, when "Send Session ID" is on; else null. */
  readonly sessionId: string | null;
  readonly enterpriseUrl: string | null;
  readonly partnerUrl: string | null;
  /** Up to 100, each one record. */
  readonly notifications: readonly OutboundNotification[];
}

export interface OutboundNotification {
  /** The notification id, the same on every retry: the de-duplication key. */
  readonly id: string;
  /** The sObject type without its prefix: `sf:Opportunity` → `Opportunity`. */
  readonly type: string;
  /** The fields chosen for the message; a nil field is null. */
  readonly fields: Readonly<Record<string, unknown>>;
}

type XmlObject = Record<string, unknown>;

/** The `notifications` element, or undefined when the document is not an outbound message. */
export function notificationsOf(doc: unknown): XmlObject | undefined {
  const body = child(child(doc, 'Envelope'), 'Body');
  const notifications = child(body, 'notifications');
  return notifications;
}

/** `OrganizationId`, unverified: what verify compares with the configured ids. */
export function organizationIdOf(doc: unknown): string | undefined {
  const value = notificationsOf(doc)?.OrganizationId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The message, or a MalformedBodyError naming what is missing. */
export function readOutboundMessage(doc: unknown): OutboundMessage {
  const element = notificationsOf(doc);
  if (!element) throw new MalformedBodyError('no soapenv:Envelope/Body/notifications element');
  const list = element.Notification;
  if (!Array.isArray(list) || list.length === 0) {
    throw new MalformedBodyError('the outbound message holds no Notification');
  }
  return {
    organizationId: text(element.OrganizationId) ?? '',
    actionId: requiredText(element.ActionId, 'ActionId'),
    sessionId: text(element.SessionId),
    enterpriseUrl: text(element.EnterpriseUrl),
    partnerUrl: text(element.PartnerUrl),
    notifications: list.map(readNotification),
  };
}

function readNotification(value: unknown, index: number): OutboundNotification {
  const where = `Notification ${index + 1}`;
  const notification = isObject(value) ? value : {};
  const id = requiredText(notification.Id, `${where}'s Id`);
  const sObject = child(notification, 'sObject');
  const qualified = sObject?.['@type'];
  if (!sObject || typeof qualified !== 'string' || qualified === '') {
    throw new MalformedBodyError(`${where} has no sObject with an xsi:type`);
  }
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(sObject)) {
    if (!name.startsWith('@')) fields[name] = fieldValue(field);
  }
  return { id, type: qualified.slice(qualified.indexOf(':') + 1), fields };
}

/** A field's text; `xsi:nil="true"` is null; anything else as parsed. */
function fieldValue(value: unknown): unknown {
  if (isObject(value) && value['@nil'] === 'true') return null;
  return value;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function requiredText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new MalformedBodyError(`no ${name}`);
  return value;
}

function child(value: unknown, name: string): XmlObject | undefined {
  const found = isObject(value) ? value[name] : undefined;
  return isObject(found) ? found : undefined;
}

function isObject(value: unknown): value is XmlObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
