import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { mailchimpReceiver as receiver } from './mailchimp.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const CODE = '7d1f0c4e9b2a8f3e6d5c4b3a2f1e0d9c';
const ctx = { secrets: [CODE], options: {}, now: new Date() };

function request(method: string, body: Buffer, query: Record<string, string> = { code: CODE }) {
  const req: IncomingWebhook = {
    method,
    url: 'https://hooks.example.com/webhooks/mailchimp/audience',
    query,
    headers: {},
    rawBody: body,
    contentType: 'application/x-www-form-urlencoded',
  };
  return req;
}

/**
 * The delivery id as docs/providers.md defines it, computed here from the form itself: SHA-256
 * of the JSON array of [field, value] for the identifying fields (null when absent).
 */
function expectedId(form: Buffer): string {
  const params = new URLSearchParams(form.toString('utf8'));
  const fields = [
    'type',
    'fired_at',
    'data[list_id]',
    'data[id]',
    'data[new_id]',
    'data[email]',
    'data[new_email]',
    'data[status]',
  ].map((name) => [name, params.get(name)]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const normalize = (body: Buffer) => {
  const req = request('POST', body);
  return receiver.normalize(req, receiver.parse(req));
};

describe('Mailchimp receiver', () => {
  it('takes forms, answers GET (the webhook validator) and POST, within 10 s', () => {
    expect(receiver.contentTypes).toEqual(['application/x-www-form-urlencoded']);
    expect(receiver.methods).toEqual(['GET', 'POST']);
    expect(receiver.ackDeadlineMs).toBe(10_000);
  });

  it('parses the documented subscribe sample into its form fields', () => {
    const req = request('POST', fixture('subscribe.txt'));
    expect(receiver.parse(req)).toEqual({
      type: 'subscribe',
      fired_at: '2009-03-26 21:35:57',
      'data[id]': '8a25ff1d98',
      'data[list_id]': 'a6b5da1054',
      'data[email]': 'api@mailchimp.com',
      'data[email_type]': 'html',
      'data[merges][EMAIL]': 'api@mailchimp.com',
      'data[merges][FNAME]': 'Mailchimp',
      'data[merges][LNAME]': 'API',
      'data[merges][INTERESTS]': 'Group1,Group2',
      'data[ip_opt]': '10.20.10.30',
      'data[ip_signup]': '10.20.10.30',
    });
  });

  it.each([
    ['subscribe.txt', 'subscribe'],
    ['unsubscribe.txt', 'unsubscribe'],
    ['upemail.txt', 'upemail'],
  ])('%s: type %s, a hashed delivery id, no occurredAt (fired_at has no zone)', (name, type) => {
    const body = fixture(name);
    expect(normalize(body)).toEqual({ type, providerDeliveryId: expectedId(body) });
  });

  it('gives the profile and upemail events Mailchimp sends together different ids', () => {
    const upemail = fixture('upemail.txt');
    const profile = Buffer.from(upemail.toString().replace('type=upemail', 'type=profile'));
    expect(normalize(profile).providerDeliveryId).not.toBe(normalize(upemail).providerDeliveryId);
  });

  it('derives the id from the identifying fields only (a merge field changed: same id)', () => {
    const body = fixture('subscribe.txt');
    const resent = Buffer.from(`${body.toString()}&data%5Bmerges%5D%5BFNAME%5D=Renamed`);
    expect(normalize(resent).providerDeliveryId).toBe(normalize(body).providerDeliveryId);
  });

  it('refuses a form without type (400), as ASP.NET does', () => {
    expect(() => normalize(Buffer.from('fired_at=2009-03-26+21%3A35%3A57'))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"type"') }),
    );
  });

  it('answers the validator GET 200 only with the right code', () => {
    const get = (query: Record<string, string>) =>
      receiver.handshakeBeforeVerify!(request('GET', Buffer.alloc(0), query), ctx);
    expect(get({ code: CODE })).toEqual({ status: 200 });
    expect(() => get({})).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => get({ code: CODE.slice(1) })).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('verifies a POST by its ?code=', () => {
    expect(receiver.verify(request('POST', fixture('subscribe.txt')), ctx)).toEqual({
      ok: true,
      secretIndex: 0,
    });
    const wrong = request('POST', fixture('subscribe.txt'), { code: 'x'.repeat(32) });
    expect(receiver.verify(wrong, ctx)).toMatchObject({ ok: false, reason: 'signature' });
  });
});
