import { replyFormatter } from '../shared/replies';

/**
 * A Bot Framework message activity, which Teams posts in the channel as the webhook's reply
 * (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook).
 * Cards may use no action but openURL.
 */
export interface TeamsReply {
  type: 'message';
  text?: string;
  textFormat?: 'plain' | 'markdown' | 'xml';
  attachments?: readonly object[];
}

export const teamsReply = replyFormatter({
  title: 'Teams',
  json: true,
  expects: 'a message activity ({ type: "message", text })',
});
