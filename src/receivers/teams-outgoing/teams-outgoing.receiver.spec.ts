import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { teamsOutgoingReceiver as receiver, TEAMS_REPLY } from './teams-outgoing.receiver';

// Computed with node:crypto as Microsoft's sample does (Microsoft-Teams-Samples
// outgoing-webhook/nodejs/app.js): "HMAC " + base64 HMAC-SHA256 keyed with the decoded token.
// The token has the shape of the sample's placeholder; Microsoft publishes no vector.
const TOKEN = '+ZaRRMC8+mpnfGaGsBOmkIFt98bttL5YQRq3p2tXgcE=';
const message = fixture(__dirname, 'message.json');
const auth = (body: Buffer, token = TOKEN) =>
  `HMAC ${createHmac('sha256', Buffer.from(token, 'base64')).update(body).digest('base64')}`;
const signed = (authorization: string, body = message) =>
  webhookRequest({ Authorization: authorization }, body);

describe('Teams outgoing webhook receiver', () => {
  it('accepts HMAC <base64> keyed with the decoded security token', () => {
    expect(verifyWith(receiver, signed(auth(message)), [TOKEN])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    const other = Buffer.alloc(32, 7).toString('base64');
    expect(verifyWith(receiver, signed(auth(message)), [other, TOKEN])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no Authorization header', webhookRequest({}, message), /Authorization header is missing/],
    [
      'a signature keyed with the token text instead of its bytes',
      signed(`HMAC ${createHmac('sha256', TOKEN).update(message).digest('base64')}`),
      /security token/,
    ],
    ['another token', signed(auth(message, Buffer.alloc(32, 1).toString('base64'))), /token/],
    [
      'a body changed after signing',
      signed(auth(message), Buffer.from(message.toString().replace('Hello', 'Bye'))),
      /security token/,
    ],
    ['a Bearer token', signed(`Bearer ${auth(message).slice(5)}`), /security token/],
  ])('refuses %s (401)', (_case, req, text) => {
    const result = verifyWith(receiver, req, [TOKEN]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(text);
  });

  it('checks at start-up that the token is base64, without quoting it', () => {
    expect(receiver.checkSecret!(TOKEN)).toBeUndefined();
    const problem = receiver.checkSecret!('not base64!');
    expect(problem).toMatch(/base64/);
    expect(problem).not.toContain('not base64!');
  });

  it('never stores the Authorization header', () => {
    expect(receiver.secretHeaders).toEqual(['authorization']);
  });

  it('normalizes: the activity type, its id and timestamp', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'message',
      providerDeliveryId: '1485983408511',
      occurredAt: new Date('2017-02-01T21:10:07.437Z'),
    });
  });

  it('refuses an activity without type (400)', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"id":"1"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"type"') }),
    );
  });

  it('answers with a Bot Framework message, the reply Teams shows', () => {
    const answer = receiver.acknowledge!({ id: 'd1', duplicate: false });
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'x-hookgate-delivery-id': 'd1',
      'x-hookgate-duplicate': 'false',
    });
    expect(JSON.parse(answer.body as string)).toEqual({ type: 'message', text: 'Received.' });
    expect(answer.body).toBe(TEAMS_REPLY);
  });
});
