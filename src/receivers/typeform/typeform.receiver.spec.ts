import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { typeformReceiver as receiver } from './typeform.receiver';

// The documented scheme computed with node:crypto: `sha256=` + base64 HMAC-SHA256 of the body.
// Typeform publishes no vector and no SDK verifier.
const SECRET = 'typeform-webhook-secret';
const response = fixture(__dirname, 'form-response.json'); // the docs' example payload
const b64 = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');
const signed = (signature: string, body = response) =>
  webhookRequest({ 'Typeform-Signature': signature }, body);

describe('Typeform receiver', () => {
  it('accepts sha256=<base64> under any configured secret', () => {
    expect(verifyWith(receiver, signed(`sha256=${b64(response)}`), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(verifyWith(receiver, signed(`sha256=${b64(response)}`), ['new', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature header', webhookRequest({}, response), /Typeform-Signature is missing/],
    ['a wrong secret', signed(`sha256=${b64(response, 'nope')}`), /webhook secret/],
    [
      'a body changed after signing',
      signed(`sha256=${b64(response)}`, Buffer.from(response.toString().replace('9', '10'))),
      /webhook secret/,
    ],
    ['the digest without its sha256= prefix', signed(b64(response)), /webhook secret/],
    [
      'a hex digest',
      signed(`sha256=${createHmac('sha256', SECRET).update(response).digest('hex')}`),
      /webhook secret/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes: event_type as type, event_id as delivery id, submitted_at as time', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'form_response',
      providerDeliveryId: 'LtWXD3crgy',
      occurredAt: new Date('2018-01-18T18:17:02Z'),
    });
  });

  it('refuses a body without event_type (400)', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"event_id":"a"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"event_type"') }),
    );
  });

  it('takes no options', () => {
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(() => receiver.parseOptions!({ secret: 'x' })).toThrow(
      /^options\.secret is not a Typeform option/,
    );
  });
});
