import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { mandrillReceiver } from './mandrill.receiver';

const EVENTS = readFileSync(join(__dirname, 'fixtures/message-events.json'), 'utf8');
const KEY = 'mandrill-webhook-key';
const URL = 'https://hooks.example.com/webhooks/mandrill/mail?account=7';

/**
 * Mandrill's documented reference (generate_signature in its PHP and Python samples), computed
 * here with node:crypto: the URL, then each POST field sorted, name and value, HMAC-SHA1, base64.
 */
function mandrillSignature(key: string, url: string, fields: Record<string, string>): string {
  let data = url;
  for (const name of Object.keys(fields).sort()) data += name + fields[name];
  return createHmac('sha1', key).update(data, 'utf8').digest('base64');
}
const form = (fields: Record<string, string>) =>
  Buffer.from(new URLSearchParams(fields).toString());

function request(
  fields: Record<string, string>,
  { url = URL, signature = mandrillSignature(KEY, url, fields), method = 'POST' } = {},
): IncomingWebhook {
  return {
    method,
    url,
    query: {},
    headers: signature ? { 'x-mandrill-signature': signature } : {},
    rawBody: method === 'POST' ? form(fields) : Buffer.alloc(0),
    contentType: 'application/x-www-form-urlencoded',
  };
}
const verify = (req: IncomingWebhook, keys = [KEY]) =>
  mandrillReceiver.verify(req, { secrets: keys, options: {}, now: new Date() }) as VerifyResult;
const normalize = (req: IncomingWebhook) =>
  mandrillReceiver.normalize(req, mandrillReceiver.parse(req));
const batch = (...events: object[]) => ({ mandrill_events: JSON.stringify(events) });

describe('Mandrill signature', () => {
  const fields = { mandrill_events: EVENTS };

  it('accepts the documented events signed for the URL as entered', () => {
    expect(verify(request(fields))).toEqual({ ok: true, secretIndex: 0 });
  });

  it('accepts a key being rotated', () => {
    const req = request(fields, { signature: mandrillSignature('old-key', URL, fields) });
    expect(verify(req, [KEY, 'old-key'])).toEqual({ ok: true, secretIndex: 1 });
  });

  it('signs every field, sorted by name', () => {
    const two = { mandrill_events: '[]', a_field: 'x y' };
    expect(verify(request(two))).toMatchObject({ ok: true });
  });

  it.each([
    ['a trailing slash', `${URL.replace('?', '/?')}`],
    ['another query', URL.replace('account=7', 'account=8')],
    ['http instead of https', URL.replace('https:', 'http:')],
    ['the default port written out', URL.replace('.com/', '.com:443/')],
  ])('refuses a signature made for the URL with %s (no URL variants)', (_case, signedUrl) => {
    const req = request(fields, { signature: mandrillSignature(KEY, signedUrl, fields) });
    expect(verify(req)).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringContaining(
        'does not match https://hooks.example.com/webhooks/mandrill/mail (query not shown) and the form',
      ),
    });
  });

  it.each([
    [
      'another key',
      (req: IncomingWebhook) => ({
        ...req,
        headers: { 'x-mandrill-signature': mandrillSignature('wrong', URL, fields) },
      }),
    ],
    [
      'an event changed',
      (req: IncomingWebhook) => ({
        ...req,
        rawBody: form({ mandrill_events: EVENTS.replace('hard_bounce', 'soft_bounce') }),
      }),
    ],
    [
      'a field added',
      (req: IncomingWebhook) => ({ ...req, rawBody: form({ ...fields, extra: '' }) }),
    ],
    ['no signature', (req: IncomingWebhook) => ({ ...req, headers: {} })],
  ])('refuses %s (401)', (_case, change) => {
    expect(verify(change(request(fields)))).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('never repeats the query of the URL (it may hold a token) in the refusal', () => {
    const secretUrl = `${URL}&token=s3cr3t-query-token`;
    const req = request(fields, {
      url: secretUrl,
      signature: mandrillSignature('wrong', secretUrl, fields),
    });
    expect(JSON.stringify(verify(req))).not.toContain('s3cr3t-query-token');
  });

  it('refuses a form that is not UTF-8 as unsigned (401), not as malformed', () => {
    const req = { ...request(fields), rawBody: Buffer.from([0x61, 0x3d, 0xff]) };
    expect(verify(req)).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(/UTF-8/),
    });
  });
});

describe('Mandrill handshakes', () => {
  const ctx = { secrets: [KEY], options: {}, now: new Date() };

  it('answers the HEAD sent when a webhook is added with 200, before verification', () => {
    expect(
      mandrillReceiver.handshakeBeforeVerify!(request({}, { method: 'HEAD', signature: '' }), ctx),
    ).toEqual({ status: 200 });
    expect(mandrillReceiver.handshakeBeforeVerify!(request(batch()), ctx)).toBeUndefined();
    expect(mandrillReceiver.methods).toEqual(['HEAD', 'POST']);
  });

  it('answers a signed empty batch (the POST fallback check) without storing it', () => {
    const req = request(batch());
    const payload = mandrillReceiver.parse(req);
    expect(mandrillReceiver.handshakeAfterVerify!(req, payload)).toEqual({ status: 200 });
    const full = request(batch({ event: 'send', ts: 1 }));
    expect(
      mandrillReceiver.handshakeAfterVerify!(full, mandrillReceiver.parse(full)),
    ).toBeUndefined();
  });
});

describe('Mandrill normalization', () => {
  it('types a batch of several kinds of event mixed, at its earliest ts', () => {
    const req = request({ mandrill_events: EVENTS });
    expect(normalize(req)).toEqual({
      type: 'mixed',
      providerDeliveryId: createHash('sha256').update(EVENTS).digest('hex'),
      occurredAt: new Date(1384954004 * 1000),
    });
    expect(mandrillReceiver.parse(req)).toEqual({ mandrill_events: JSON.parse(EVENTS) });
  });

  it('types a batch of one kind by its event', () => {
    const [send, , , open] = JSON.parse(EVENTS) as object[];
    expect(normalize(request(batch(send))).type).toBe('send');
    expect(normalize(request(batch(open, { ...open, ts: 1384954000 })))).toMatchObject({
      type: 'open',
      occurredAt: new Date(1384954000 * 1000),
    });
  });

  it('types sync events (no "event" field) <type>.<action>', () => {
    // The keys Mandrill documents for sync events: ts, type, action, reject.
    const sync = {
      type: 'blacklist',
      action: 'add',
      reject: { email: 'a@example.com' },
      ts: 1384954004,
    };
    expect(normalize(request(batch(sync))).type).toBe('blacklist.add');
  });

  it('keys two batches with the same messages but different events apart', () => {
    const [send] = JSON.parse(EVENTS) as object[];
    const opened = { ...send, event: 'open' };
    expect(normalize(request(batch(send))).providerDeliveryId).not.toBe(
      normalize(request(batch(opened))).providerDeliveryId,
    );
  });

  it.each([
    ['has no mandrill_events', { other: '1' }, /no "mandrill_events" field/],
    ['has mandrill_events that is not JSON', { mandrill_events: '[{' }, /invalid JSON/],
    [
      'has mandrill_events that is no array',
      { mandrill_events: '{"event":"send"}' },
      /not a JSON array/,
    ],
  ])('refuses a form that %s (400)', (_case, fields, message) => {
    expect(() => mandrillReceiver.parse(request(fields))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('refuses an event with no type (400)', () => {
    expect(() => normalize(request(batch({ event: 'send' }, { msg: {} })))).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringMatching(/mandrill_events\[1\] has no "event"/),
      }),
    );
  });

  it('takes no options', () => {
    expect(mandrillReceiver.parseOptions!(undefined)).toEqual({});
    expect(() => mandrillReceiver.parseOptions!({ url: 'x' })).toThrow(
      /^options\.url is not a Mandrill option/,
    );
  });
});
