import { signWebhookPayload, verifyWebhookSignature } from '@notionhq/client';
import type { ReceiverContext } from '../receiver';
import {
  fixture,
  normalizeWith,
  NOW,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { notionReceiver as receiver } from './notion.receiver';

// Signed by Notion's own SDK (@notionhq/client signWebhookPayload), and checked with its
// verifyWebhookSignature. The event is the page.created example of Notion's event reference.
const TOKEN = 'secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl';
const created = fixture(__dirname, 'page-created.json');
const verification = fixture(__dirname, 'verification.json');
const sign = (body: Buffer, verificationToken = TOKEN) =>
  signWebhookPayload({ body, verificationToken });
const signed = (signature: string, body = created) =>
  webhookRequest({ 'X-Notion-Signature': signature }, body);
const ctx: ReceiverContext<object> = { secrets: [TOKEN], options: {}, now: NOW };

describe('Notion receiver', () => {
  it('agrees with @notionhq/client: what it signs is accepted, what it rejects is refused', async () => {
    const good = await sign(created);
    expect(
      await verifyWebhookSignature({ body: created, signature: good, verificationToken: TOKEN }),
    ).toBe(true);
    expect(verifyWith(receiver, signed(good), [TOKEN])).toEqual({ ok: true, secretIndex: 0 });
    const bad = await sign(created, 'secret_another');
    expect(
      await verifyWebhookSignature({ body: created, signature: bad, verificationToken: TOKEN }),
    ).toBe(false);
    expect(verifyWith(receiver, signed(bad), [TOKEN])).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it('accepts the old token while both are configured', async () => {
    expect(verifyWith(receiver, signed(await sign(created)), ['secret_new', TOKEN])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    [
      'no signature header',
      async () => webhookRequest({}, created),
      /X-Notion-Signature is missing/,
    ],
    [
      'a body changed after signing',
      async () =>
        signed(
          await sign(created),
          Buffer.from(created.toString().replace('page.created', 'page.deleted')),
        ),
      /verification token/,
    ],
    [
      'the digest without sha256=',
      async () => signed((await sign(created)).slice(7)),
      /verification token/,
    ],
  ])('refuses %s (401)', async (_case, make, message) => {
    const result = verifyWith(receiver, await make(), [TOKEN]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('answers the unsigned verification_token POST 200 with no body', () => {
    const req = webhookRequest({}, verification);
    expect(receiver.methods).toEqual(['POST']);
    expect(receiver.handshakeBeforeVerify!(req, ctx)).toEqual({ status: 200 });
  });

  it.each([
    ['an event', created],
    [
      'a token next to another field',
      Buffer.from('{"verification_token":"secret_x","type":"page.created"}'),
    ],
    ['a token that is no string', Buffer.from('{"verification_token":42}')],
    ['an empty token', Buffer.from('{"verification_token":""}')],
    ['an array', Buffer.from('[{"verification_token":"secret_x"}]')],
    ['broken JSON', Buffer.from('{"verification_token":')],
    ['an oversized body', Buffer.from(JSON.stringify({ verification_token: 'x'.repeat(2000) }))],
  ])('does not take %s for the handshake: it goes on to verification', (_case, body) => {
    expect(receiver.handshakeBeforeVerify!(webhookRequest({}, body), ctx)).toBeUndefined();
  });

  it('normalizes: type, event id, timestamp', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'page.created',
      providerDeliveryId: '367cba44-b6f3-4c92-81e7-6a2e9659efd4',
      occurredAt: new Date('2024-12-05T23:55:34.285Z'),
    });
  });

  it('refuses an event without type (400)', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"id":"e1"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"type"') }),
    );
  });

  it('takes no options', () => {
    expect(() => receiver.parseOptions!({ verificationToken: TOKEN })).toThrow(
      /^options\.verificationToken is not a Notion option/,
    );
  });
});
