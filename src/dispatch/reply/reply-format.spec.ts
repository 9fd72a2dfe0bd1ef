import { findReceiver, RECEIVERS } from '../../receivers/receivers';
import type { Receiver } from '../../receivers/receiver';
import { formatReply, MAX_REPLY_BYTES, replyResponse } from './reply-format';
import { webhookReply } from './webhook-reply';

const receiver = (name: string) => findReceiver(name, RECEIVERS) as Receiver<unknown>;
const text = (body: Buffer) => body.toString('utf8');
const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'text/xml; charset=utf-8';

describe('formatReply', () => {
  // prettier-ignore
  it.each<[string, unknown, string, string]>([
    // provider, returned, content-type, body
    ['slack',          { text: 'Hi' },                    JSON_TYPE,                   '{"text":"Hi"}'],
    ['slack',          'Hi',                              'text/plain; charset=utf-8', 'Hi'],
    ['discord',        { type: 4, data: { content: 'x' } }, JSON_TYPE,                 '{"type":4,"data":{"content":"x"}}'],
    ['twilio',         '<Response/>',                     XML_TYPE,                    '<Response/>'],
    ['plivo',          '<Response><Speak>Hi</Speak></Response>', XML_TYPE,             '<Response><Speak>Hi</Speak></Response>'],
    ['teams-outgoing', { type: 'message', text: 'ok' },   JSON_TYPE,                   '{"type":"message","text":"ok"}'],
    ['telegram',       { method: 'sendMessage' },          JSON_TYPE,                   '{"method":"sendMessage"}'],
    ['hmac',           ['a', 'b'],                        JSON_TYPE,                   '["a","b"]'],
    ['token',          'accepted',                        'text/plain; charset=utf-8', 'accepted'],
    ['basic',          { ok: true },                      JSON_TYPE,                   '{"ok":true}'],
  ])('%s: %j in its natural form', (provider, value, contentType, body) => {
    const reply = formatReply(receiver(provider), value)!;
    expect([reply.status, reply.headers['content-type'], text(reply.body)]).toEqual([
      200,
      contentType,
      body,
    ]);
  });

  it.each([
    ['twilio', { Message: 'hi' }, /Twilio reads TwiML .* returned object/],
    ['plivo', 42, /Plivo reads Plivo XML .* returned number/],
    ['discord', 'Pong', /Discord reads an interaction response .* returned string/],
    ['telegram', 'Hello', /Telegram reads a Bot API method call .* returned string/],
    ['slack', Buffer.from('x'), /Slack reads .* returned a Buffer/],
  ])('%s refuses %j, saying what it reads', (provider, value, message) => {
    expect(() => formatReply(receiver(provider), value)).toThrow(message);
  });

  it('takes undefined and null for "no reply": the acknowledgement answers', () => {
    expect(formatReply(receiver('slack'), undefined)).toBeUndefined();
    expect(formatReply(receiver('slack'), null)).toBeUndefined();
  });

  it('sends an explicit reply as given, header names lower-cased', () => {
    const reply = formatReply(
      receiver('twilio'),
      webhookReply('<Response/>', { status: 201, headers: { 'Content-Type': 'application/xml' } }),
    )!;
    expect(reply).toEqual({
      status: 201,
      headers: { 'content-type': 'application/xml' },
      body: Buffer.from('<Response/>'),
    });
  });

  it.each<[string, Parameters<typeof webhookReply>[0], string, string]>([
    ['a string', 'ok', 'text/plain; charset=utf-8', 'ok'],
    ['a Buffer', Buffer.from([1, 2]), 'application/octet-stream', '\u0001\u0002'],
    ['an object', { a: 1 }, JSON_TYPE, '{"a":1}'],
    ['nothing', undefined, '', ''],
  ])('gives an explicit reply of %s its content-type', (_case, body, contentType, sent) => {
    const reply = formatReply(receiver('hmac'), webhookReply(body, { status: 204 }))!;
    expect([reply.headers['content-type'] ?? '', text(reply.body)]).toEqual([contentType, sent]);
  });

  it.each([
    ['a status out of range', webhookReply('x', { status: 101 }), /from 200 to 599, not 101/],
    ['a status that is not whole', webhookReply('x', { status: 200.5 }), /not 200\.5/],
    ['a bad header name', webhookReply('x', { headers: { 'bad name': 'v' } }), /Header name/],
    ['a header value with a newline', webhookReply('x', { headers: { a: 'x\ny' } }), /"a"/],
    ['content-length', webhookReply('x', { headers: { 'Content-Length': '1' } }), /content-length/],
    [
      'a gateway header',
      webhookReply('x', { headers: { 'X-Hookgate-Duplicate': 'no' } }),
      /x-hookgate-duplicate/,
    ],
    ['a body over the bound', webhookReply('x'.repeat(MAX_REPLY_BYTES + 1)), /at most 1048576/],
  ])('refuses %s', (_case, value, message) => {
    expect(() => formatReply(receiver('hmac'), value)).toThrow(message);
  });

  it('sends a stored reply with the delivery id and the duplicate flag', () => {
    const reply = { status: 200, headers: { 'content-type': JSON_TYPE }, body: Buffer.from('{}') };
    expect(replyResponse(reply, { id: 'd1', duplicate: true })).toEqual({
      status: 200,
      headers: {
        'content-type': JSON_TYPE,
        'x-hookgate-delivery-id': 'd1',
        'x-hookgate-duplicate': 'true',
      },
      body: Buffer.from('{}'),
    });
    const empty = { ...reply, body: Buffer.alloc(0) };
    expect(replyResponse(empty, { id: 'd1', duplicate: false }).body).toBeUndefined();
  });
});
