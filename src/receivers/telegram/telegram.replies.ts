import { replyFormatter } from '../shared/replies';

/**
 * A Bot API method call, which Telegram performs as if the bot had called it
 * (core.telegram.org/bots/api#making-requests-when-getting-updates); its result is not returned.
 */
export interface TelegramReply {
  method: string;
  [parameter: string]: unknown;
}

export const telegramReply = replyFormatter({
  title: 'Telegram',
  json: true,
  expects: 'a Bot API method call ({ method: "sendMessage", chat_id, text })',
});
