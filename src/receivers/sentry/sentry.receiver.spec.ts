import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { sentryReceiver as receiver } from './sentry.receiver';

/*
 * Sentry publishes no vector and no verifier package: the documented scheme (hex HMAC-SHA256 of
 * the body under the Client Secret) is computed here with node:crypto. The body is the
 * documented installation webhook (docs.sentry.io/.../webhooks/installation).
 */
const BODY = fixture(__dirname, 'installation-created.json');
const SECRET = 'sentry-integration-client-secret';
const REQUEST_ID = '3c4a8e2f-9d1b-4e7a-8f0c-2b6d5a1e9c73';
const hex = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const headers = (signature: Record<string, string>, resource = 'installation') => ({
  'Request-ID': REQUEST_ID,
  'Sentry-Hook-Resource': resource,
  'Sentry-Hook-Timestamp': '1732708800',
  ...signature,
});
const signed = (signature: string, body: Buffer = BODY) =>
  webhookRequest(headers({ 'Sentry-Hook-Signature': signature }), body);

describe('Sentry receiver', () => {
  it('accepts Sentry-Hook-Signature over the raw body, with any configured secret', () => {
    expect(verifyWith(receiver, signed(hex(BODY)), [SECRET])).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyWith(receiver, signed(hex(BODY)), ['new', SECRET])).toMatchObject({
      secretIndex: 1,
    });
  });

  it('accepts the legacy Sentry-App-Signature, as Sentry’s example app does', () => {
    const req = webhookRequest(headers({ 'Sentry-App-Signature': hex(BODY) }), BODY);
    expect(verifyWith(receiver, req, [SECRET])).toMatchObject({ ok: true });
  });

  it("refuses a signature over JSON.stringify(body) (Sentry's example app) when it differs", () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(BODY.toString())));
    expect(verifyWith(receiver, signed(hex(reserialized)), [SECRET])).toMatchObject({ ok: false });
  });

  it.each([
    [
      'no signature header',
      webhookRequest(headers({}), BODY),
      /Sentry-Hook-Signature \(or Sentry-App-Signature\) is missing/,
    ],
    ['a wrong secret', signed(hex(BODY, 'not-the-secret')), /Client Secret/],
    [
      'a body changed after signing',
      signed(hex(BODY), Buffer.from(BODY.toString().replace('created', 'deleted'))),
      /Client Secret/,
    ],
    ['a sha256= prefix', signed(`sha256=${hex(BODY)}`), /Client Secret/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('types the delivery <Sentry-Hook-Resource>.<action>, keyed by Request-ID', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'installation.created',
      providerDeliveryId: REQUEST_ID,
    });
    const issue = webhookRequest(
      headers({}, 'issue'),
      Buffer.from('{"action":"resolved","data":{}}'),
    );
    expect(normalizeWith(receiver, issue).type).toBe('issue.resolved');
  });

  it('refuses a delivery without Sentry-Hook-Resource (400)', () => {
    const req = webhookRequest({ 'Sentry-Hook-Signature': 'x' }, BODY);
    expect(() => normalizeWith(receiver, req)).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining('Sentry-Hook-Resource'),
      }),
    );
  });

  it('declares the 1 s deadline and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(1_000);
    expect(() => receiver.parseOptions!({ clientId: 'x' })).toThrow(
      /^options\.clientId is not a Sentry option/,
    );
  });
});
