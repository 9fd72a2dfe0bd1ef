import { EventCallbackHelper, EventCallbackRequest } from '@dropbox/sign';
import { createHmac } from 'node:crypto';
import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { providerFixture } from './cases/signed-json-case';
import { send } from './contract-client';

// @dropbox/sign examples/EventCallbackExample.ts: the documented API key and callback.
const API_KEY = '324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782';
const EXAMPLE = providerFixture('dropbox-sign', 'account-confirmed.json').toString();
const EXAMPLE_HASH = 'ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f';
const EXAMPLE_TIME = 1669926463;
const URL = '/webhooks/dropbox-sign/sign';
const BOUNDARY = '----DropboxSignE2e5d0c';
const ACK = 'Hello API Event Received';

type Format = 'multipart' | 'form' | 'json';
/** The callback's JSON as Dropbox Sign posts it (multipart field `json`), or the other two forms. */
function request(json: string, format: Format = 'multipart') {
  const [contentType, body] = {
    multipart: [
      `multipart/form-data; boundary=${BOUNDARY}`,
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="json"\r\n\r\n${json}\r\n--${BOUNDARY}--\r\n`,
    ],
    form: ['application/x-www-form-urlencoded', new URLSearchParams({ json }).toString()],
    json: ['application/json', json],
  }[format];
  return { path: URL, headers: { 'content-type': contentType }, body: Buffer.from(body) };
}
/** The documented scheme, computed here: hex HMAC-SHA256(API key, event_time + event_type). */
const eventHash = (time: number, type: string) =>
  createHmac('sha256', API_KEY).update(`${time}${type}`).digest('hex');
/** A signature request event; only event_time and event_type are signed. */
function event(time: number, type: string, signatureId: string | null, requestId = 'sr1') {
  return {
    event: {
      event_time: String(time),
      event_type: type,
      event_hash: eventHash(time, type),
      event_metadata: { related_signature_id: signatureId, reported_for_account_id: 'acc1' },
    },
    signature_request: { signature_request_id: requestId, title: 'Lease' },
  };
}
/** The SDK's own verifier, for agreement. */
const sdkValid = (json: string) =>
  EventCallbackHelper.isValid(API_KEY, EventCallbackRequest.init(JSON.parse(json)));

/**
 * What is Dropbox Sign's own: the multipart callback and its required text reply, the other
 * two body forms, the event_time window, and what the hash does not cover. The contract every
 * receiver keeps is in contract.e2e-spec.ts, row cases/dropbox-sign.ts.
 */
describe('Dropbox Sign receiver end to end', () => {
  const clock = new ManualClock(new Date((EXAMPLE_TIME + 60) * 1000));
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  let t: TestApp;
  let serial = 0;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=dropbox-sign&limit=500')).body.items.length as number;
  const stored = async (id: string) => (await admin(`/deliveries/${id}`)).body;
  const ackOf = (res: { status: number; text: string; headers: Record<string, string> }) => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe(ACK);
    return {
      id: res.headers['x-hookgate-delivery-id'],
      duplicate: res.headers['x-hookgate-duplicate'] === 'true',
    };
  };

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'dropbox-sign', id: 'sign', secrets: [API_KEY] }] }),
      { clock },
    );
  });
  afterAll(() => t.close());

  it('accepts the documented callback as multipart, answering the required text', async () => {
    expect(sdkValid(EXAMPLE)).toBe(true);
    const ack = ackOf(await send(t, request(EXAMPLE)));
    expect(ack.duplicate).toBe(false);
    expect(await stored(ack.id)).toMatchObject({
      type: 'account_confirmed',
      providerDeliveryId: EXAMPLE_HASH,
      occurredAt: new Date(EXAMPLE_TIME * 1000).toISOString(),
      payload: JSON.parse(EXAMPLE),
    });
  });

  it.each<Format>(['form', 'json'])(
    'accepts the same callback as %s: a duplicate',
    async (format) => {
      const first = ackOf(await send(t, request(EXAMPLE)));
      const again = ackOf(await send(t, request(EXAMPLE, format)));
      expect(again).toEqual({ id: first.id, duplicate: true });
    },
  );

  it.each<Format>(['multipart', 'form', 'json'])(
    'stores a new event sent as %s, read back from the stored bytes',
    async (format) => {
      const body = event(nowSeconds() - ++serial, 'signature_request_signed', `sig-${format}`);
      const json = JSON.stringify(body);
      expect(sdkValid(json)).toBe(true);
      const ack = ackOf(await send(t, request(json, format)));
      expect(ack.duplicate).toBe(false);
      expect(await stored(ack.id)).toMatchObject({
        type: 'signature_request_signed',
        providerDeliveryId: `${body.event.event_hash}:sr1:sig-${format}`,
        payload: body,
      });
    },
  );

  it.each([
    ['older', -(36 * 3600 + 1)],
    ['newer', 36 * 3600 + 1],
  ])(
    'refuses an event_time more than 36 h %s than now (401, stale-timestamp)',
    async (_case, offset) => {
      const json = JSON.stringify(event(nowSeconds() + offset, 'signature_request_sent', null));
      expect(sdkValid(json)).toBe(true);
      const before = await storedCount();
      const res = await send(t, request(json));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'stale-timestamp',
        message: expect.stringMatching(
          /^The signed timestamp is \d+s (old|in the future); the tolerance is 129600s/,
        ),
      });
      expect(await storedCount()).toBe(before);
    },
  );

  describe('fields the event hash does not cover', () => {
    it('answers a copy with other unsigned content as a duplicate, keeping what was stored', async () => {
      const original = event(nowSeconds() - 1000, 'signature_request_signed', 'sig-kept');
      const first = ackOf(await send(t, request(JSON.stringify(original))));
      const changed = JSON.stringify({
        ...original,
        event: {
          ...original.event,
          event_metadata: { ...original.event.event_metadata, reported_for_account_id: 'acc2' },
        },
        signature_request: { signature_request_id: 'sr1', title: 'Forged', is_complete: true },
      });
      // Dropbox Sign's own verifier accepts the changed body: these fields are not signed.
      expect(sdkValid(changed)).toBe(true);
      const before = await storedCount();
      const again = ackOf(await send(t, request(changed)));
      expect(again).toEqual({ id: first.id, duplicate: true });
      expect(await storedCount()).toBe(before);
      expect((await stored(first.id)).payload.signature_request.title).toBe('Lease');
    });

    it('stores events of one second naming other requests or signers apart (bulk send)', async () => {
      // One type in one second is one event_hash; signature_request_sent names no signer, so
      // only the signature request tells two requests of a bulk send apart.
      const time = nowSeconds() - 2000;
      const sent = (requestId: string) =>
        request(JSON.stringify(event(time, 'signature_request_sent', null, requestId)));
      const viewed = (signatureId: string) =>
        request(JSON.stringify(event(time, 'signature_request_viewed', signatureId, 'bulk-1')));
      const before = await storedCount();
      const acks = [];
      for (const req of [sent('bulk-1'), sent('bulk-2'), viewed('sig-1'), viewed('sig-2')]) {
        acks.push(ackOf(await send(t, req)));
      }
      expect(acks.map((ack) => ack.duplicate)).toEqual([false, false, false, false]);
      expect(new Set(acks.map((ack) => ack.id)).size).toBe(4);
      expect(await storedCount()).toBe(before + 4);
      // Dropbox Sign's retry of one of them is still a duplicate.
      expect(ackOf(await send(t, sent('bulk-2')))).toEqual({ id: acks[1].id, duplicate: true });
    });
  });
});
