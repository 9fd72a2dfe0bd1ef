import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import repoPush from './fixtures/repo-push.json';
import { bitbucketReceiver as receiver } from './bitbucket.receiver';

const SECRET = 'bitbucket-webhook-secret';
const body = Buffer.from(JSON.stringify(repoPush));
const request = (headers: Record<string, string>, rawBody = body): IncomingWebhook => ({
  method: 'POST',
  url: 'http://localhost/webhooks/bitbucket/x',
  query: {},
  headers,
  rawBody,
  contentType: 'application/json',
});
const ctx = { secrets: [SECRET], options: {}, now: new Date() };
const sign = (raw: Buffer) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;

describe('Bitbucket receiver', () => {
  it('verifies X-Hub-Signature over the raw bytes', () => {
    expect(receiver.verify(request({ 'x-hub-signature': sign(body) }), ctx)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each([
    ['no X-Hub-Signature (a hook without a secret)', {}, /X-Hub-Signature is missing/],
    [
      'a GitHub-style X-Hub-Signature-256 only',
      { 'x-hub-signature-256': sign(body) },
      /X-Hub-Signature is missing/,
    ],
    ['a wrong signature', { 'x-hub-signature': sign(Buffer.from('{}')) }, /does not match/],
  ])('refuses %s', (_case, headers, message) => {
    // This receiver verifies synchronously.
    const result = receiver.verify(request(headers), ctx) as VerifyResult;
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes the documented repo:push payload by X-Event-Key and X-Request-UUID', () => {
    const req = request({
      'x-event-key': 'repo:push',
      'x-request-uuid': '7b0f2cb8-34a5-4c59-9a4b-8d1b8f4a7c11',
    });
    expect(receiver.normalize(req, receiver.parse(req))).toEqual({
      type: 'repo:push',
      providerDeliveryId: '7b0f2cb8-34a5-4c59-9a4b-8d1b8f4a7c11',
    });
  });

  it('refuses a request without X-Event-Key (400)', () => {
    const req = request({ 'x-request-uuid': 'x' });
    expect(() => receiver.normalize(req, receiver.parse(req))).toThrow(/X-Event-Key/);
  });

  it('takes no options, and names an unexpected one at start-up', () => {
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(receiver.parseOptions!({})).toEqual({});
    expect(() => receiver.parseOptions!({ code: 'x' })).toThrow(
      /^options\.code is not a Bitbucket option/,
    );
  });
});
