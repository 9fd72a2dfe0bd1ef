import { replyFormatter } from '../shared/replies';

/**
 * An interaction response, as Discord reads it in the HTTP answer
 * (discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object):
 * 4 a message, 5 a deferred message, 6 a deferred update, 7 an updated message, 8 autocomplete
 * choices, 9 a modal, 12 launch an activity.
 */
export interface DiscordInteractionResponse {
  type: 4 | 5 | 6 | 7 | 8 | 9 | 12;
  data?: {
    content?: string;
    embeds?: readonly object[];
    components?: readonly object[];
    /** 64: only the user who invoked the interaction sees the message. */
    flags?: number;
    allowed_mentions?: object;
    tts?: boolean;
    /** Autocomplete (type 8). */
    choices?: readonly { name: string; value: string | number }[];
    /** Modal (type 9). */
    custom_id?: string;
    title?: string;
  };
}

export const discordReply = replyFormatter({
  title: 'Discord',
  json: true,
  expects: 'an interaction response ({ type: 4, data: { content } })',
});
