import { xmlAcknowledgement } from '../shared/xml-acknowledgement';

/**
 * Salesforce counts a message delivered only when the answer is a SOAP `notificationsResponse`
 * with `<Ack>true</Ack>` (the WSDL's `notificationsResponse` element; ASP.NET's
 * `Messages/NotificationResponse.xml`); anything else is retried for up to 24 hours. A
 * duplicate is acknowledged the same way, so that Salesforce stops resending it.
 */
export const NOTIFICATIONS_ACK =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
  '<soapenv:Body>' +
  '<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse>' +
  '</soapenv:Body>' +
  '</soapenv:Envelope>';

/** The SOAP ack; the gateway's `{ id, duplicate }` travels in headers (as for Twilio). */
export const acknowledgeSalesforce = xmlAcknowledgement(NOTIFICATIONS_ACK);
