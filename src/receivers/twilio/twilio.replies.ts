import { replyFormatter } from '../shared/replies';

/** TwiML, which Twilio executes (www.twilio.com/docs/messaging/twiml, /docs/voice/twiml). */
export type TwimlReply = string;

export const twilioReply = replyFormatter({
  title: 'Twilio',
  text: 'text/xml; charset=utf-8',
  expects: 'TwiML (a string such as "<Response><Message>Hi</Message></Response>")',
});
