import { createHash, createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { buildkiteReceiver as receiver } from './buildkite.receiver';

// The ping example of buildkite/docs `pages/apis/webhooks/pipelines/ping_events.md`.
const PING = fixture(__dirname, 'ping.json');
const TOKEN = '309c9c842g8565adecpd7469x6005989'; // the docs' example token
const TS = String(Math.floor(NOW.getTime() / 1000));

/** The documented scheme with node:crypto: hex HMAC-SHA256 of `timestamp.body`. */
const hex = (ts: string, body: Buffer, token = TOKEN) =>
  createHmac('sha256', token).update(`${ts}.`).update(body).digest('hex');
const request = (headers: Record<string, string>, body = PING) =>
  webhookRequest({ 'X-Buildkite-Event': 'ping', ...headers }, body);
const signature = (ts = TS, body = PING, token = TOKEN) => ({
  'X-Buildkite-Signature': `timestamp=${ts},signature=${hex(ts, body, token)}`,
});
const verify = (req: IncomingWebhook, secrets = [TOKEN]) =>
  receiver.verify(req, { secrets, options: {}, now: NOW }) as VerifyResult;

describe('Buildkite receiver', () => {
  it.each([
    ['a signature', request(signature())],
    ['the token', request({ 'X-Buildkite-Token': TOKEN })],
  ])('accepts %s under the webhook token', (_case, req) => {
    expect(verify(req)).toEqual({ ok: true, secretIndex: 0 });
    expect(verify(req, ['newer-token', TOKEN])).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each([
    ['neither header', request({}), /X-Buildkite-Signature \(or X-Buildkite-Token\) is missing/],
    [
      'another token',
      request({ 'X-Buildkite-Token': 'not-the-token' }),
      /X-Buildkite-Token does not match/,
    ],
    ['a signature under another token', request(signature(TS, PING, 'other')), /does not match/],
    [
      'a wrong signature beside the right token (the signature decides)',
      request({ ...signature(TS, PING, 'other'), 'X-Buildkite-Token': TOKEN }),
      /does not match/,
    ],
    [
      'a signature without timestamp',
      request({ 'X-Buildkite-Signature': `signature=${hex(TS, PING)}` }),
      /"timestamp" field/,
    ],
    [
      'the body alone signed',
      request({
        'X-Buildkite-Signature': `timestamp=${TS},signature=${createHmac('sha256', TOKEN).update(PING).digest('hex')}`,
      }),
      /does not match/,
    ],
    [
      'a body changed after signing',
      request(signature(), Buffer.from(PING.toString().replace('Some Person', 'Someone Else'))),
      /does not match/,
    ],
  ])('refuses %s (401 signature)', (_case, req, message) => {
    const result = verify(req);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([-301, 301])('refuses a genuine signature made %i s from now', (offset) => {
    const ts = String(Number(TS) + offset);
    expect(verify(request(signature(ts)))).toMatchObject({ ok: false, reason: 'stale-timestamp' });
  });

  it('never stores the token header', () => {
    expect(receiver.secretHeaders).toEqual(['x-buildkite-token']);
  });

  it('types by X-Buildkite-Event and keys by the SHA-256 of the body', () => {
    expect(normalizeWith(receiver, request({}))).toEqual({
      type: 'ping',
      providerDeliveryId: createHash('sha256').update(PING).digest('hex'),
    });
    expect(() => normalizeWith(receiver, webhookRequest({}, PING))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
