import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { verifyHeaderToken } from '../shared/shared-token';
import { rejectUnknownOptions } from '../shared/options';
import { normalizeTelegramUpdate } from './telegram.events';
import { telegramReply } from './telegram.replies';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/**
 * Telegram Bot API webhooks. Telegram signs nothing: `setWebhook(secret_token=…)` makes it send
 * that token in `X-Telegram-Bot-Api-Secret-Token` on every delivery
 * (core.telegram.org/bots/api#setwebhook), compared here in constant time. The token is 1-256
 * characters of `A-Za-z0-9_-` (the same page; tdlib/telegram-bot-api `Client.cpp` refuses
 * others), so another secret could never match and is refused at start-up.
 * Telegram retries a non-2xx "a reasonable amount of attempts" (same page); timeout undocumented.
 */
export const telegramReceiver: Receiver<Record<string, never>> = {
  name: 'telegram',
  contentTypes: ['application/json'],
  profile: { schemes: ['token'], handshakes: [], signsTimestamp: false },
  secretHeaders: [SECRET_HEADER.toLowerCase()],

  parseOptions(options) {
    rejectUnknownOptions(options, 'Telegram', [], 'the secret_token goes in secrets');
    return {};
  },
  checkSecret: (secret) =>
    /^[A-Za-z0-9_-]{1,256}$/.test(secret)
      ? undefined
      : 'must be 1-256 characters of A-Z, a-z, 0-9, _ and - (what setWebhook accepts as secret_token).',

  verify: (req, { secrets }) => verifyHeaderToken(req, SECRET_HEADER, secrets),
  parse: (req) => parseJsonObject(req.rawBody),
  normalize: normalizeTelegramUpdate,
  reply: telegramReply,
};
