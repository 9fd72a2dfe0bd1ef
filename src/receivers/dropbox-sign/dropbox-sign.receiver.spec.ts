import { EventCallbackHelper, EventCallbackRequest } from '@dropbox/sign';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { dropboxSignReceiver } from './dropbox-sign.receiver';

// @dropbox/sign examples/EventCallbackExample.ts: the documented API key and callback.
const API_KEY = '324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782';
const EXAMPLE = readFileSync(join(__dirname, 'fixtures', 'account-confirmed.json'), 'utf8');
const EVENT_TIME = new Date(1669926463 * 1000);
const BOUNDARY = '----hookgate';

const multipart = (json: string): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example/webhooks/dropbox-sign/sign',
  query: {},
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  rawBody: Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="json"\r\n\r\n${json}\r\n--${BOUNDARY}--\r\n`,
  ),
  contentType: 'multipart/form-data',
});
const ctx = (now = EVENT_TIME, secrets = [API_KEY]) => ({
  secrets,
  options: dropboxSignReceiver.parseOptions!(undefined),
  now,
});
const sdkValid = (key: string, json: string) =>
  EventCallbackHelper.isValid(key, EventCallbackRequest.init(JSON.parse(json)));

describe('dropbox-sign receiver', () => {
  it('accepts the documented example in a multipart json field, as the SDK does', () => {
    expect(sdkValid(API_KEY, EXAMPLE)).toBe(true);
    expect(dropboxSignReceiver.verify(multipart(EXAMPLE), ctx())).toEqual({
      ok: true,
      secretIndex: 0,
    });
    const req = multipart(EXAMPLE);
    expect(dropboxSignReceiver.normalize(req, dropboxSignReceiver.parse(req))).toEqual({
      type: 'account_confirmed',
      providerDeliveryId: 'ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f',
      occurredAt: EVENT_TIME,
    });
  });

  it('reads form-urlencoded json= and plain JSON bodies too', () => {
    const form: IncomingWebhook = {
      ...multipart(EXAMPLE),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      contentType: 'application/x-www-form-urlencoded',
      rawBody: Buffer.from(new URLSearchParams({ json: EXAMPLE }).toString()),
    };
    const json: IncomingWebhook = {
      ...form,
      contentType: 'application/json',
      rawBody: Buffer.from(EXAMPLE),
    };
    for (const req of [form, json])
      expect(dropboxSignReceiver.verify(req, ctx())).toMatchObject({ ok: true });
  });

  it('refuses another type or time than the hash signs, and another key, as the SDK does', () => {
    const otherType = EXAMPLE.replace('account_confirmed', 'signature_request_signed');
    expect(sdkValid(API_KEY, otherType)).toBe(false);
    expect(sdkValid('wrong', EXAMPLE)).toBe(false);
    for (const [json, secrets] of [
      [otherType, [API_KEY]],
      [EXAMPLE.replace('1669926463', '1669926464'), [API_KEY]],
      [EXAMPLE, ['wrong']],
    ] as const) {
      expect(
        dropboxSignReceiver.verify(multipart(json), ctx(EVENT_TIME, [...secrets])),
      ).toMatchObject({
        ok: false,
        reason: 'signature',
        message: expect.stringMatching(/event_hash does not match/),
      });
    }
  });

  it('does not cover the rest of the body: a changed signature id still verifies', () => {
    const changed = EXAMPLE.replace('6421d70b', '00000000');
    expect(sdkValid(API_KEY, changed)).toBe(true);
    expect(dropboxSignReceiver.verify(multipart(changed), ctx())).toMatchObject({ ok: true });
  });

  it('refuses an event_time outside the window, in both directions', () => {
    const hours = (h: number) => new Date(EVENT_TIME.getTime() + h * 3600_000);
    expect(dropboxSignReceiver.verify(multipart(EXAMPLE), ctx(hours(30.5)))).toMatchObject({
      ok: true,
    });
    for (const at of [hours(36.01), hours(-36.01)]) {
      expect(dropboxSignReceiver.verify(multipart(EXAMPLE), ctx(at))).toMatchObject({
        ok: false,
        reason: 'stale-timestamp',
      });
    }
  });

  it('keys the delivery id on the hash, the signature request and the related signature id', () => {
    const time = '1669926500';
    const hash = (type: string) =>
      createHmac('sha256', API_KEY)
        .update(time + type)
        .digest('hex');
    const callback = (type: string, request: string | null, signature: string | null) => ({
      event: {
        event_time: time,
        event_type: type,
        event_hash: hash(type),
        event_metadata: { related_signature_id: signature, reported_for_account_id: 'acc1' },
      },
      ...(request && { signature_request: { signature_request_id: request, title: 'Lease' } }),
    });
    const idOf = (body: object) =>
      dropboxSignReceiver.normalize(multipart(''), body).providerDeliveryId;
    const sent = hash('signature_request_sent');
    const signed = hash('signature_request_signed');
    // Two requests of a bulk send, sent in the same second: one hash, no signer, two events.
    expect(idOf(callback('signature_request_sent', 'sr1', null))).toBe(`${sent}:sr1`);
    expect(idOf(callback('signature_request_sent', 'sr2', null))).toBe(`${sent}:sr2`);
    // Two signers of one request in the same second.
    expect(idOf(callback('signature_request_signed', 'sr1', 'sig1'))).toBe(`${signed}:sr1:sig1`);
    expect(idOf(callback('signature_request_signed', 'sr1', 'sig2'))).toBe(`${signed}:sr1:sig2`);
    expect(idOf(callback('signature_request_signed', null, 'sig1'))).toBe(`${signed}:sig1`);
    const template = {
      ...callback('template_created', null, null),
      template: { template_id: 't1' },
    };
    expect(idOf(template)).toBe(`${hash('template_created')}:t1`);
  });

  it('refuses a body without a json field; answers the required text', () => {
    expect(
      dropboxSignReceiver.verify({ ...multipart(EXAMPLE), rawBody: Buffer.from('x') }, ctx()),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no field named json/),
    });
    expect(dropboxSignReceiver.acknowledge!({ id: 'd', duplicate: false })).toMatchObject({
      body: 'Hello API Event Received',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  });
});
