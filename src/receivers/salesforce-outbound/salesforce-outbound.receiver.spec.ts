import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { salesforceOutboundReceiver as receiver } from './salesforce-outbound.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
// ASP.NET's test message (three notifications) and its first notification alone.
const THREE = fixture('aspnet-outbound-message.xml');
const LEAD = fixture('lead-notification.xml');
const ORG_18 = '0123456789ABCDENNN';
const ORG_15 = '0123456789ABCDE';

const request = (body: Buffer | string): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/salesforce-outbound/crm',
  query: {},
  headers: { soapaction: '""' },
  rawBody: Buffer.from(body),
  contentType: 'text/xml',
});
const verify = (body: Buffer | string, secrets: string[]) =>
  receiver.verify(request(body), { secrets, options: {}, now: new Date() }) as VerifyResult;
const envelope = (notifications: string) =>
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
  `<notifications xmlns="http://soap.sforce.com/2005/09/outbound">${notifications}</notifications>` +
  '</soapenv:Body></soapenv:Envelope>';

describe('Salesforce verification (OrganizationId)', () => {
  it.each([
    ['the 18-character id', [ORG_18]],
    ['the 15-character id', [ORG_15]],
  ])("accepts ASP.NET's test message configured with %s", (_case, secrets) => {
    expect(verify(THREE, secrets)).toEqual({ ok: true, secretIndex: 0 });
  });

  it('refuses another organization', () => {
    expect(verify(THREE, ['00D000000000001'])).toMatchObject({ ok: false, reason: 'signature' });
  });

  it.each([
    ['text that is not XML', 'OrganizationId=0123456789ABCDE', /^The body is not well-formed XML/],
    [
      'a DOCTYPE',
      `<!DOCTYPE x [<!ENTITY a "b">]>${LEAD.toString().replace(/^<\?xml[^>]*>/, '')}`,
      /DOCTYPE or ENTITY declaration is refused/,
    ],
    [
      'XML that is no outbound message',
      '<notifications/>',
      /^The outbound message has no OrganizationId\.$/,
    ],
  ])('refuses %s as unverifiable (401), saying why', (_case, body, message) => {
    expect(verify(body, [ORG_15])).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
  });
});

describe('Salesforce payload and normalization', () => {
  const parse = (body: Buffer | string) => receiver.parse(request(body));
  const normalize = (body: Buffer | string) => receiver.normalize(request(body), parse(body));

  it('reads the message into a payload: ids, URLs, and each notification with its fields', () => {
    const payload = parse(LEAD);
    expect(payload).toEqual({
      organizationId: ORG_18,
      actionId: '05h370200108OsUAAU',
      sessionId: expect.stringMatching(/^0123456789ABCDE!/),
      enterpriseUrl: 'https://na31.salesforce.com/services/Soap/c/34.0/0123456789ABCDE',
      partnerUrl: 'https://na31.salesforce.com/services/Soap/u/34.0/0123456789ABCDE',
      notifications: [
        {
          id: '04l37000000L0E5AAK',
          type: 'Lead',
          fields: expect.objectContaining({
            Id: '0123456789ABCDEEAE',
            FirstName: 'Henrik',
            PostalCode: '98052',
            IsConverted: 'false',
          }),
        },
      ],
    });
  });

  it('types a message by its sObject type and keys it on the Notification Id', () => {
    expect(normalize(LEAD)).toEqual({ type: 'Lead', providerDeliveryId: '04l37000000L0E5AAK' });
  });

  it('keys a message of several notifications on their ids sorted, and types mixed ones mixed', () => {
    const ids = ['04l37000000L0E5AAK', '14l37000123L0E5AAK', '24l37123450L0E5AAK'];
    expect(normalize(THREE)).toEqual({
      type: 'mixed', // ASP.NET's fixture gives its three leads the types Lead1, Lead2, Lead3
      providerDeliveryId: createHash('sha256').update(ids.join('\n')).digest('hex'),
    });
    const reordered = THREE.toString()
      .replace('<Id>04l37000000L0E5AAK</Id>', '<Id>X</Id>')
      .replace('<Id>24l37123450L0E5AAK</Id>', '<Id>04l37000000L0E5AAK</Id>')
      .replace('<Id>X</Id>', '<Id>24l37123450L0E5AAK</Id>');
    expect(normalize(reordered).providerDeliveryId).toBe(normalize(THREE).providerDeliveryId);
  });

  it('types notifications of one sObject type by it', () => {
    const same = THREE.toString().replace(/sf:Lead\d/g, 'sf:Opportunity');
    expect(normalize(same).type).toBe('Opportunity');
  });

  it('gives nil fields and a nil SessionId as null', () => {
    const body = envelope(
      '<OrganizationId>00D</OrganizationId><ActionId>04k</ActionId><SessionId xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>' +
        '<Notification><Id>04l1</Id><sObject xsi:type="sf:Account" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">' +
        '<sf:Id>001</sf:Id><sf:Phone xsi:nil="true"/><sf:Name>A &amp; B</sf:Name></sObject></Notification>',
    );
    expect(parse(body)).toMatchObject({
      sessionId: null,
      notifications: [
        { id: '04l1', type: 'Account', fields: { Id: '001', Phone: null, Name: 'A & B' } },
      ],
    });
  });

  it.each([
    [
      "ASP.NET's message with no notification",
      fixture('aspnet-outbound-message.xml')
        .toString()
        .replace(/<Notification>[\s\S]*<\/Notification>/, ''),
      /holds no Notification/,
    ],
    [
      'no notifications element',
      '<soapenv:Envelope xmlns:soapenv="urn:s"><soapenv:Body/></soapenv:Envelope>',
      /no soapenv:Envelope\/Body\/notifications/,
    ],
    [
      'no ActionId',
      envelope(
        '<OrganizationId>00D</OrganizationId><Notification><Id>1</Id><sObject type="sf:A"/></Notification>',
      ),
      /no ActionId/,
    ],
    [
      'a Notification without Id',
      envelope(
        '<OrganizationId>00D</OrganizationId><ActionId>04k</ActionId><Notification><sObject/></Notification>',
      ),
      /no Notification 1's Id/,
    ],
    [
      'an sObject without type',
      envelope(
        '<OrganizationId>00D</OrganizationId><ActionId>04k</ActionId><Notification><Id>1</Id><sObject><Id>2</Id></sObject></Notification>',
      ),
      /Notification 1 has no sObject with an xsi:type/,
    ],
  ])('refuses %s (400)', (_case, body, message) => {
    expect(() => normalize(body)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });
});

describe('Salesforce acknowledgement', () => {
  it("answers the SOAP Ack, the same document as ASP.NET's NotificationResponse.xml", () => {
    const ack = receiver.acknowledge!({ id: 'd1', duplicate: true });
    expect(ack).toMatchObject({
      status: 200,
      headers: {
        'content-type': 'text/xml; charset=utf-8',
        'x-hookgate-delivery-id': 'd1',
        'x-hookgate-duplicate': 'true',
      },
    });
    // Compared as documents (element names with their prefixes, text, and the outbound namespace).
    const xml = new XMLParser({
      ignoreAttributes: (name) => !name.startsWith('xmlns') || name.includes(':x'),
      ignoreDeclaration: true,
    });
    const ours = xml.parse(ack.body as string);
    const aspnet = xml.parse(fixture('aspnet-notification-response.xml'));
    expect(ours).toEqual(aspnet);
    expect(ours['soapenv:Envelope']['soapenv:Body'].notificationsResponse).toEqual({
      Ack: true,
      '@_xmlns': 'http://soap.sforce.com/2005/09/outbound',
    });
  });

  it('accepts XML content types only, and takes no options', () => {
    expect(receiver.contentTypes).toEqual(['text/xml', 'application/xml']);
    expect(() => receiver.parseOptions!({ orgId: 'x' })).toThrow(
      /^options\.orgId is not a Salesforce option/,
    );
  });
});
