import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { telegramReceiver as receiver } from './telegram.receiver';

// The sample updates of core.telegram.org/bots/webhooks ("Testing your bot with updates").
const MESSAGE = fixture(__dirname, 'message.json');
const CALLBACK = fixture(__dirname, 'callback-query.json');
const TOKEN = 'telegram_secret-Token_9f2c';
const withToken = (token: string | undefined, body = MESSAGE) =>
  webhookRequest(token === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': token }, body);

describe('Telegram receiver', () => {
  it('accepts the secret token under any configured secret', () => {
    expect(verifyWith(receiver, withToken(TOKEN), ['telegram_new', TOKEN])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no header', undefined, /X-Telegram-Bot-Api-Secret-Token is missing/],
    ['another token', 'telegram_guess', /does not match/],
    ['the token with a suffix', `${TOKEN}x`, /does not match/],
  ])('refuses %s (401), never quoting a token', (_case, token, message) => {
    const result = verifyWith(receiver, withToken(token), [TOKEN]);
    expect(result).toMatchObject({ ok: false, reason: 'signature', message });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('never stores the token header', () => {
    expect(receiver.secretHeaders).toEqual(['x-telegram-bot-api-secret-token']);
  });

  it.each([
    ['a-b_C-9', 'a-b_C-9', undefined],
    ['256 characters', 'x'.repeat(256), undefined],
    ['257 characters', 'x'.repeat(257), /^must be 1-256 characters/],
    ['a space', 'has space', /^must be 1-256 characters/],
    ['a dot', 'dot.ted', /^must be 1-256 characters/],
  ])('checks a secret of %s at start-up', (_case, secret, message) => {
    const result = receiver.checkSecret!(secret);
    if (message) expect(result).toMatch(message);
    else expect(result).toBeUndefined();
  });

  it.each([
    [MESSAGE, 'message'],
    [CALLBACK, 'callback_query'],
  ])('types the update by its kind, with update_id as the delivery id', (body, type) => {
    expect(normalizeWith(receiver, withToken(TOKEN, body))).toEqual({
      type,
      providerDeliveryId: '10000',
    });
  });

  it.each([
    ['no update_id', '{"message":{"message_id":1}}', /update_id/],
    ['no kind', '{"update_id":5}', /found 0/],
    ['two kinds', '{"update_id":5,"message":{},"poll":{}}', /found 2/],
  ])('refuses an update with %s (400)', (_case, body, message) => {
    expect(() => normalizeWith(receiver, withToken(TOKEN, Buffer.from(body)))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('takes no options', () => {
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(() => receiver.parseOptions!({ header: 'x' })).toThrow(
      /^options\.header is not a Telegram option/,
    );
  });
});
