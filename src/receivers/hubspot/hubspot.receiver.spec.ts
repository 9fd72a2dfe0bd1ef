import { Signature } from '@hubspot/api-client';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith } from '../shared/receiver.spec-helpers';
import { hubspotReceiver as receiver } from './hubspot.receiver';

// The published vectors of hubspot-api-nodejs `test/unit/signature.spec.ts` (v1 and v2), and the
// SDK's own `Signature.getSignature` as the v3 signer.
const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const V1_BODY = fixture(__dirname, 'contact-creation.json');
const URL = 'https://www.example.com/webhook_uri';
const V1 = '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de';
const V2_GET = 'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e';
const V2_POST = '9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900';
const V2_BODY = Buffer.from('{"example_field":"example_value"}');

const request = (
  headers: Record<string, string>,
  rawBody: Buffer,
  method = 'POST',
): IncomingWebhook => ({
  method,
  url: URL,
  query: {},
  headers,
  rawBody,
  contentType: 'application/json',
});
const verify = (req: IncomingWebhook, secrets = [SECRET]) =>
  receiver.verify(req, { secrets, options: receiver.parseOptions!({}), now: NOW }) as VerifyResult;

/** v3 headers, signed by the SDK. */
function v3(body: Buffer, timestamp = NOW.getTime(), secret = SECRET, method = 'POST') {
  const signature = Signature.getSignature(method, 'v3', {
    signature: '',
    clientSecret: secret,
    requestBody: body.toString('utf8'),
    url: URL,
    timestamp,
  });
  return {
    'x-hubspot-signature-v3': signature,
    'x-hubspot-request-timestamp': String(timestamp),
  };
}

describe('HubSpot receiver', () => {
  it.each<[string, Record<string, string>, Buffer, string]>([
    ['v1 (no version header)', { 'x-hubspot-signature': V1 }, V1_BODY, 'POST'],
    ['v1', { 'x-hubspot-signature': V1, 'x-hubspot-signature-version': 'v1' }, V1_BODY, 'POST'],
    [
      'v2, GET',
      { 'x-hubspot-signature': V2_GET, 'x-hubspot-signature-version': 'v2' },
      Buffer.alloc(0),
      'GET',
    ],
    [
      'v2, POST',
      { 'x-hubspot-signature': V2_POST, 'x-hubspot-signature-version': 'v2' },
      V2_BODY,
      'POST',
    ],
  ])('accepts the published %s vector', (_case, headers, body, method) => {
    expect(verify(request(headers, body, method), ['other', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each<[string, Record<string, string>, Buffer]>([
    ['v1 over another body', { 'x-hubspot-signature': V1 }, V2_BODY],
    ['v1 labelled v2', { 'x-hubspot-signature': V1, 'x-hubspot-signature-version': 'v2' }, V1_BODY],
    [
      'an unknown version',
      { 'x-hubspot-signature': V1, 'x-hubspot-signature-version': 'v9' },
      V1_BODY,
    ],
    ['no signature', {}, V1_BODY],
  ])('refuses %s (401)', (_case, headers, body) => {
    expect(verify(request(headers, body))).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('accepts v3 as the SDK signs it, under any configured secret', () => {
    expect(verify(request(v3(V2_BODY), V2_BODY), ['other', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['another body', request(v3(V2_BODY), V1_BODY), 'signature'],
    ['another secret', request(v3(V2_BODY, NOW.getTime(), 'other'), V2_BODY), 'signature'],
    [
      'a timestamp 301 s old',
      request(v3(V2_BODY, NOW.getTime() - 301_000), V2_BODY),
      'stale-timestamp',
    ],
    [
      'a timestamp 301 s ahead',
      request(v3(V2_BODY, NOW.getTime() + 301_000), V2_BODY),
      'stale-timestamp',
    ],
  ])('refuses v3 with %s (401)', (_case, req, reason) => {
    expect(verify(req)).toMatchObject({ ok: false, reason });
  });

  it('checks only v3 when it is sent, even beside a valid v1', () => {
    const headers = { ...v3(V1_BODY, NOW.getTime(), 'other'), 'x-hubspot-signature': V1 };
    expect(verify(request(headers, V1_BODY))).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('normalizes the Webhooks API batch: its subscriptionType and eventId', () => {
    expect(normalizeWith(receiver, request({}, V1_BODY))).toEqual({
      type: 'contact.creation',
      providerDeliveryId: '1',
    });
  });

  it('keeps a mixed batch whole, typed mixed, identified by its eventIds', () => {
    const events = [
      { eventId: 7, subscriptionType: 'contact.creation', attemptNumber: 0 },
      { eventId: 8, subscriptionType: 'deal.creation', attemptNumber: 0 },
    ];
    const first = normalizeWith(receiver, request({}, Buffer.from(JSON.stringify(events))));
    const retry = events.map((event) => ({ ...event, attemptNumber: 1 }));
    expect(first.type).toBe('mixed');
    expect(normalizeWith(receiver, request({}, Buffer.from(JSON.stringify(retry))))).toEqual(first);
  });

  it.each([
    ['an empty batch', '[]'],
    ['an event without eventId', '[{"subscriptionType":"contact.creation"}]'],
    ['a number', '5'],
  ])('refuses %s (400)', (_case, body) => {
    expect(() => normalizeWith(receiver, request({}, Buffer.from(body)))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
