import { slackSignedHeaders, SLACK_FORM } from '../providers/cases/slack';

export const SLACK_REPLY_SECRET = 'slack-reply-signing-secret';

/** A slash command as Slack sends it: a form, signed at `at` (api.slack.com/authentication/verifying-requests-from-slack). */
export function slashCommand(
  triggerId: string,
  text: string,
  at: Date,
  secret = SLACK_REPLY_SECRET,
): { headers: Record<string, string>; body: Buffer } {
  const body = Buffer.from(
    new URLSearchParams({
      team_id: 'T1DC2JH3J',
      channel_id: 'G8PSS9T3V',
      user_id: 'U2CERLKJA',
      command: '/deploy',
      text,
      response_url: 'https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRsk',
      trigger_id: triggerId,
    }).toString(),
  );
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { headers: slackSignedHeaders(body, SLACK_FORM, timestamp, secret), body };
}
