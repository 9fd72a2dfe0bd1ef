import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { whatsappReceiver } from './whatsapp.receiver';

const post = (rawBody: Buffer): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/whatsapp/support',
  query: {},
  headers: {},
  rawBody,
  contentType: 'application/json',
});
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const normalize = (body: Buffer) =>
  whatsappReceiver.normalize(post(body), whatsappReceiver.parse(post(body)));

describe('WhatsApp receiver', () => {
  it.each<[string, string]>([
    ['text-message.json', '2025-06-08T20:59:43.000Z'], // messages[].timestamp, seconds
    ['status-delivered.json', '2025-06-18T16:22:53.000Z'], // statuses[].timestamp, seconds
  ])('normalizes %s to whatsapp_business_account.messages at the item time', (name, at) => {
    expect(normalize(fixture(name))).toEqual({
      type: 'whatsapp_business_account.messages',
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date(at),
    });
  });

  it('tells a message from a status, and a delivered status from a read one', () => {
    const status = fixture('status-delivered.json');
    const read = Buffer.from(status.toString().replace('"delivered"', '"read"'));
    const ids = [fixture('text-message.json'), status, read].map(
      (body) => normalize(body).providerDeliveryId,
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('takes verifyToken and allowSha1, nothing else', () => {
    expect(whatsappReceiver.parseOptions!({ verifyToken: 'v', allowSha1: true })).toEqual({
      verifyToken: 'v',
      allowSha1: true,
    });
    expect(() => whatsappReceiver.parseOptions!({ verifyToken: 'v', wabaId: '1' })).toThrow(
      /^options\.wabaId is not a WhatsApp option/,
    );
  });
});
