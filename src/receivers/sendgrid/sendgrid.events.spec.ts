import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook } from '../receiver';
import { normalizeSendgrid, parseSendgridEvents } from './sendgrid.events';

const req = (body: Buffer | string): IncomingWebhook => ({
  method: 'POST',
  url: 'http://localhost/webhooks/sendgrid/mail',
  query: {},
  headers: {},
  rawBody: Buffer.from(body),
});
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const normalize = (body: Buffer | string) => {
  const r = req(body);
  return normalizeSendgrid(r, parseSendgridEvents(r));
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SendGrid events', () => {
  it('types one event by its event, keyed by its sg_event_id, at its time', () => {
    expect(normalize(fixture('dropped.json'))).toEqual({
      type: 'dropped',
      providerDeliveryId: 'ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA',
      occurredAt: new Date(1600112492 * 1000),
    });
  });

  it('types a batch of several kinds mixed, keyed by the hash of its sorted ids', () => {
    const ids = [
      'Ym91bmNlLTAtMTk5NDIxMTItcU53QkxnUFFRalc2REp2S1F3U0Fidy0w',
      'cHJvY2Vzc2VkLTE5OTQyMTEyLXFOd0JMZ1BRUWpXNkRKdktRd1NBYnctMA',
    ];
    expect(normalize(fixture('processed-bounce.json'))).toEqual({
      type: 'mixed',
      providerDeliveryId: sha256(JSON.stringify(ids)),
      occurredAt: new Date(1619651146 * 1000),
    });
  });

  it('gives a redelivered batch the same id, whatever the order or spacing', () => {
    const events = JSON.parse(fixture('processed-bounce.json').toString());
    const again = JSON.stringify([...events].reverse(), null, 2);
    expect(normalize(again).providerDeliveryId).toBe(
      normalize(fixture('processed-bounce.json')).providerDeliveryId,
    );
    expect(normalize(JSON.stringify([events[0]])).providerDeliveryId).not.toBe(
      normalize(JSON.stringify(events)).providerDeliveryId,
    );
  });

  it('keys a batch with an event without sg_event_id by the hash of the body', () => {
    const body = '[{"event":"open","timestamp":1}]';
    expect(normalize(body)).toMatchObject({ type: 'open', providerDeliveryId: sha256(body) });
  });

  it.each([
    ['{"event":"open"}', /JSON array/],
    ['[]', /no events/],
    ['[{"email":"a@b.c"}]', /event 0 has no "event"/],
    ['[{"event":"open"},null]', /event 1 has no "event"/],
  ])('refuses %s as malformed', (body, message) => {
    expect(() => parseSendgridEvents(req(body))).toThrow(MalformedBodyError);
    expect(() => parseSendgridEvents(req(body))).toThrow(message);
  });
});
