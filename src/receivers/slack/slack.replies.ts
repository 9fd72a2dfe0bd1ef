import { replyFormatter } from '../shared/replies';

/*
 * What a Slack reply handler returns. Slack reads the HTTP answer of slash commands and
 * interactivity: api.slack.com/interactivity/handling#message_responses (messages),
 * api.slack.com/surfaces/modals#updating_response (view_submission `response_action`) and
 * api.slack.com/reference/block-kit/block-elements#external_select (block_suggestion options).
 */

/** A message shown to the user: to them alone (`ephemeral`, the default) or in the channel. */
export interface SlackMessageReply {
  text?: string;
  blocks?: readonly object[];
  attachments?: readonly object[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
  mrkdwn?: boolean;
}

/** The answer to a modal's `view_submission`: show errors, update, push or close views. */
export type SlackResponseAction =
  | { response_action: 'errors'; errors: Readonly<Record<string, string>> }
  | { response_action: 'update' | 'push'; view: object }
  | { response_action: 'clear' };

export interface SlackText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface SlackOption {
  text: SlackText;
  value: string;
  description?: SlackText;
}

/** The answer to a `block_suggestion` (an external select's options). */
export type SlackOptionsReply =
  | { options: readonly SlackOption[] }
  | { option_groups: readonly { label: SlackText; options: readonly SlackOption[] }[] };

/** Any reply Slack reads; a string is a plain-text message. */
export type SlackReply = SlackMessageReply | SlackResponseAction | SlackOptionsReply | string;

export const slackReply = replyFormatter({
  title: 'Slack',
  text: 'text/plain; charset=utf-8',
  json: true,
  expects: 'a message ({ text, blocks }), a response_action or options',
});
