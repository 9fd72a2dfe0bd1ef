import { createHmac } from 'node:crypto';
import type { VerifyResult } from '../receiver';
import { fixture, NOW, webhookRequest } from '../shared/receiver.spec-helpers';
import { mailgunReceiver } from './mailgun.receiver';

const KEY = 'key-unit-mailgun-signing-key';
const OTHER_KEY = 'key-parent-account-signing-key';
const TOKEN = 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0';
const OPTIONS = mailgunReceiver.parseOptions!(undefined);
const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** Mailgun's documented scheme with node:crypto: hex HMAC-SHA256 of timestamp + token. */
const mac = (key: string, timestamp: string, token = TOKEN) =>
  createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');

/** A documented event with the signature object replaced (the published one is under Mailgun's key). */
function body(name: string, signature: Record<string, string>): Buffer {
  const parsed = JSON.parse(fixture(__dirname, name).toString()) as object;
  return Buffer.from(JSON.stringify({ ...parsed, signature }));
}
const signedBy = (key: string, at = NOW, name = 'delivered.json') =>
  body(name, { timestamp: seconds(at), token: TOKEN, signature: mac(key, seconds(at)) });

const verify = (raw: Buffer, secrets = [KEY], options = OPTIONS) =>
  mailgunReceiver.verify(webhookRequest({}, raw), { secrets, options, now: NOW }) as VerifyResult;

describe('mailgun receiver', () => {
  it("verifies Mailgun's scheme with any configured key (rotation)", () => {
    expect(verify(signedBy(KEY), [OTHER_KEY, KEY])).toEqual({ ok: true, secretIndex: 1 });
  });

  it("accepts a subaccount's parent-signature under the primary account's key", () => {
    const ts = seconds(NOW);
    const raw = body('delivered.json', {
      timestamp: ts,
      token: TOKEN,
      signature: mac('subaccount-key', ts),
      'parent-signature': mac(OTHER_KEY, ts),
    });
    expect(verify(raw, [OTHER_KEY])).toEqual({ ok: true, secretIndex: 0 });
  });

  it('refuses another key, a changed token or timestamp, naming the signing key to use', () => {
    const wrong = verify(signedBy('someone-else'));
    expect(wrong).toMatchObject({ ok: false, reason: 'signature' });
    expect((wrong as { message: string }).message).toMatch(/HTTP webhook signing key/);
    const ts = seconds(NOW);
    const changedToken = body('delivered.json', {
      timestamp: ts,
      token: TOKEN.replace('a8', 'b8'),
      signature: mac(KEY, ts),
    });
    expect(verify(changedToken)).toMatchObject({ ok: false, reason: 'signature' });
    const earlier = String(Number(ts) - 1);
    const changedTime = body('delivered.json', {
      timestamp: earlier,
      token: TOKEN,
      signature: mac(KEY, ts),
    });
    expect(verify(changedTime)).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses a timestamp outside the window both ways; 0 turns the window off', () => {
    for (const offset of [-301_000, 301_000]) {
      const raw = signedBy(KEY, new Date(NOW.getTime() + offset));
      expect(verify(raw)).toMatchObject({ ok: false, reason: 'stale-timestamp' });
    }
    const old = signedBy(KEY, new Date(NOW.getTime() - 86_400_000));
    expect(verify(old, [KEY], mailgunReceiver.parseOptions!({ toleranceSeconds: 0 }))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('refuses a body without a complete signature object, or not JSON, without quoting it', () => {
    for (const raw of [
      Buffer.from('{"event-data":{"event":"delivered"}}'),
      Buffer.from('{"signature":{"timestamp":"1","token":"t"}}'),
      Buffer.from('not json'),
    ]) {
      const result = verify(raw);
      expect(result).toMatchObject({ ok: false, reason: 'signature' });
      expect((result as { message: string }).message).toMatch(/"signature" object/);
    }
  });

  it('types the documented events, with their id and time', () => {
    const delivered = webhookRequest({}, signedBy(KEY));
    expect(mailgunReceiver.normalize(delivered, mailgunReceiver.parse(delivered))).toEqual({
      type: 'delivered',
      providerDeliveryId: 'hK7mQVt1QtqRiOfQXta4sw',
      occurredAt: new Date(1529692199626),
    });
    const failed = webhookRequest({}, signedBy(KEY, NOW, 'failed-permanent.json'));
    expect(mailgunReceiver.normalize(failed, mailgunReceiver.parse(failed))).toMatchObject({
      type: 'failed.permanent',
      providerDeliveryId: 'pl271FzxTTmGRW8Uj3dUWw',
    });
  });

  it('answers 406 (Mailgun does not retry) for a signed body that is no Mailgun event', () => {
    const noData = webhookRequest({}, Buffer.from('{"signature":{}}'));
    expect(() => mailgunReceiver.parse(noData)).toThrow(
      expect.objectContaining({ status: 406, reason: 'malformed' }),
    );
    const noEvent = webhookRequest({}, Buffer.from('{"signature":{},"event-data":{"id":"x"}}'));
    expect(() => mailgunReceiver.normalize(noEvent, mailgunReceiver.parse(noEvent))).toThrow(
      expect.objectContaining({ status: 406 }),
    );
  });

  it('declares the token single-use until the signature leaves the window', () => {
    const req = webhookRequest({}, signedBy(KEY));
    const ctx = { secrets: [KEY], options: OPTIONS, now: NOW };
    expect(mailgunReceiver.replayToken!(req, mailgunReceiver.parse(req), ctx)).toEqual({
      token: TOKEN,
      expiresAt: new Date(NOW.getTime() + 300_000),
    });
    const off = { ...ctx, options: mailgunReceiver.parseOptions!({ toleranceSeconds: 0 }) };
    expect(mailgunReceiver.replayToken!(req, mailgunReceiver.parse(req), off)?.expiresAt).toEqual(
      new Date(NOW.getTime() + 86_400_000),
    );
  });

  it('refuses unknown or bad options at start-up', () => {
    expect(() => mailgunReceiver.parseOptions!({ tolerance: 5 })).toThrow(/not a Mailgun option/);
    expect(() => mailgunReceiver.parseOptions!({ toleranceSeconds: -1 })).toThrow(/whole number/);
  });
});
