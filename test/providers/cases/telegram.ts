import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const MESSAGE = readFileSync(
  join(__dirname, '../../../src/receivers/telegram/fixtures/message.json'),
);
const TOKEN = 'telegram_bot-secret-Token_4f1e';
const NEXT_TOKEN = 'telegram_bot-next-Token_0a9d';
const PATH = '/webhooks/telegram/bot';

/** What Telegram sends after setWebhook(secret_token=…): the token as is, in its header. */
const sent = (body: Buffer, token = TOKEN): WebhookRequest => ({
  path: PATH,
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': token },
  body,
});
/** update_id is a number: each key maps to one, stably. */
const updateIdOf = (key: string) =>
  String(parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16));
const withUpdateId = (key: string) =>
  Buffer.from(MESSAGE.toString().replace('"update_id":10000', `"update_id":${updateIdOf(key)}`));

export const telegramCase: ProviderCase = {
  name: 'Telegram',
  provider: 'telegram',
  endpoint: 'bot',
  app: () => ({ endpoint: { provider: 'telegram', id: 'bot', secrets: [NEXT_TOKEN, TOKEN] } }),
  sign: ({ key, body, secret }) => sent(body ?? (key ? withUpdateId(key) : MESSAGE), secret),
  secrets: [NEXT_TOKEN, TOKEN],
  foreignSecret: { make: () => 'another_bot_token', message: /does not match/ },
  signatureHeaders: ['x-telegram-bot-api-secret-token'],
  secretHeaders: ['x-telegram-bot-api-secret-token'],
  documented: {
    type: 'message',
    providerDeliveryId: '10000',
    payload: JSON.parse(MESSAGE.toString()),
    payloadIncludes: { message: { text: '/start', message_id: 1365 } },
  },
  acknowledgement: 'json',
  // Telegram resends the same update (same update_id) until it gets a 2xx.
  dedupe: { deliveryIdOf: updateIdOf, retryAfterMs: 60_000 },
  tamperings: notApplicable('Telegram signs nothing: the token authenticates the sender only'),
  timestampWindow: notApplicable('Telegram sends no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => sent(Buffer.from('{"update_id":')) },
    {
      label: 'has no kind of update',
      request: () => sent(Buffer.from('{"update_id":42}')),
      message: /exactly one kind/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
