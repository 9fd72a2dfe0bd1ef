import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { docusignReceiver as receiver } from './docusign.receiver';

// Computed with node:crypto as DocuSign's validate how-to and code-examples-node
// (validateWebhookMessage.js) do: base64 of HMAC-SHA256 over the entire body.
const KEY = 'docusign-connect-hmac-key-1';
const OTHER_KEY = 'docusign-connect-hmac-key-2';
const sent = fixture(__dirname, 'envelope-sent.json'); // the JSON SIM reference's envelope-sent
const b64 = (body: Buffer, key = KEY) => createHmac('sha256', key).update(body).digest('base64');
const signed = (headers: Record<string, string>, body = sent) => webhookRequest(headers, body);

describe('DocuSign receiver', () => {
  it('accepts X-DocuSign-Signature-1 under a configured key', () => {
    const req = signed({ 'X-DocuSign-Signature-1': b64(sent) });
    expect(verifyWith(receiver, req, [KEY])).toEqual({ ok: true, secretIndex: 0 });
  });

  it('accepts any of the numbered headers, one per Connect key (DocuSign-side rotation)', () => {
    const req = signed({
      'X-DocuSign-Signature-1': b64(sent, OTHER_KEY),
      'X-DocuSign-Signature-2': b64(sent),
    });
    expect(verifyWith(receiver, req, [KEY])).toEqual({ ok: true, secretIndex: 0 });
    const hundredth = signed({ 'X-DocuSign-Signature-100': b64(sent) });
    expect(verifyWith(receiver, hundredth, ['x', KEY])).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each([
    ['no signature header', signed({}), /Include HMAC Signature/],
    ['only a header past -100', signed({ 'X-DocuSign-Signature-101': b64(sent) }), /is missing/],
    [
      'a signature under another key',
      signed({ 'X-DocuSign-Signature-1': b64(sent, 'nope') }),
      /Connect key/,
    ],
    [
      'a body changed after signing',
      signed(
        { 'X-DocuSign-Signature-1': b64(sent) },
        Buffer.from(sent.toString().replace('sent"', 'voided"')),
      ),
      /Connect key/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [KEY]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes: event as type, generatedDateTime as time', () => {
    expect(normalizeWith(receiver, signed({}))).toMatchObject({
      type: 'envelope-sent',
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date('2022-01-12T18:49:08.546Z'),
    });
  });

  it('keys a retry (retryCount raised) like its first attempt, and another message apart', () => {
    const first = normalizeWith(receiver, signed({})).providerDeliveryId;
    const retry = Buffer.from(sent.toString().replace('"retryCount": 0', '"retryCount": 3'));
    expect(normalizeWith(receiver, signed({}, retry)).providerDeliveryId).toBe(first);
    const other = Buffer.from(sent.toString().replace('envelope-sent', 'envelope-completed'));
    expect(normalizeWith(receiver, signed({}, other)).providerDeliveryId).not.toBe(first);
  });

  it('refuses a message without event (400)', () => {
    expect(() => normalizeWith(receiver, signed({}, Buffer.from('{"data":{}}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"event"') }),
    );
  });

  it('takes no options', () => {
    expect(() => receiver.parseOptions!({ keys: 2 })).toThrow(
      /^options\.keys is not a DocuSign option/,
    );
  });
});
