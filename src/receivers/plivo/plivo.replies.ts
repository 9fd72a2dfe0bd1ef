import { replyFormatter } from '../shared/replies';

/** Plivo XML, which Plivo executes (www.plivo.com/docs/voice/xml/request/). */
export type PlivoXmlReply = string;

export const plivoReply = replyFormatter({
  title: 'Plivo',
  text: 'text/xml; charset=utf-8',
  expects: 'Plivo XML (a string such as "<Response><Speak>Hi</Speak></Response>")',
});
