import type { Receiver } from '../receiver';
import { acknowledgeSlack } from './slack.acknowledge';
import { normalizeSlackEvent, parseSlackBody, SLACK_FORM_TYPE } from './slack.events';
import { answerSslCheck, answerUrlVerification } from './slack.handshakes';
import { parseSlackOptions, type SlackOptions } from './slack.options';
import { slackReply } from './slack.replies';
import { verifySlackSignature } from './slack.signature';

/** Slack: Events API (JSON), slash commands and interactivity (forms), on one request URL. */
export const slackReceiver: Receiver<SlackOptions> = {
  name: 'slack',
  contentTypes: ['application/json', SLACK_FORM_TYPE],
  profile: {
    schemes: ['hmac'],
    handshakes: ['url_verification', 'ssl_check'],
    signsTimestamp: true,
  },
  ackDeadlineMs: 3_000,
  parseOptions: parseSlackOptions,
  handshakeBeforeVerify: answerSslCheck,

  verify(req, { secrets, options, now }) {
    const request = {
      signature: req.headers['x-slack-signature'],
      timestamp: req.headers['x-slack-request-timestamp'],
      body: req.rawBody,
    };
    return verifySlackSignature(request, secrets, now, options.toleranceSeconds);
  },

  parse: parseSlackBody,
  handshakeAfterVerify: answerUrlVerification,
  normalize: normalizeSlackEvent,
  acknowledge: acknowledgeSlack,
  reply: slackReply,
};
