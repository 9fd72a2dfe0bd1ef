import type { IncomingWebhook } from '../receiver';
import { dropboxReceiver } from './dropbox.receiver';

function request(method: string, query: Record<string, string> = {}): IncomingWebhook {
  return { method, url: '', query, headers: {}, rawBody: Buffer.alloc(0), contentType: undefined };
}
const ctx = { secrets: ['s'], options: {}, now: new Date() };

describe('Dropbox challenge', () => {
  it('echoes ?challenge= as text/plain with nosniff', () => {
    expect(
      dropboxReceiver.handshakeBeforeVerify!(request('GET', { challenge: 'abc123' }), ctx),
    ).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: 'abc123',
    });
  });

  it.each([
    ['a GET without challenge', request('GET')],
    ['a GET with an empty challenge', request('GET', { challenge: '' })],
    ['a POST with a challenge in the query', request('POST', { challenge: 'abc' })],
  ])('leaves %s to the pipeline', (_case, req) => {
    expect(dropboxReceiver.handshakeBeforeVerify!(req, ctx)).toBeUndefined();
  });

  it('declares GET for the challenge and POST for notifications; type is always change', () => {
    expect(dropboxReceiver.methods).toEqual(['GET', 'POST']);
    expect(dropboxReceiver.normalize(request('POST'), {})).toEqual({ type: 'change' });
  });

  it('takes no options', () => {
    expect(dropboxReceiver.parseOptions!(undefined)).toEqual({});
    expect(() => dropboxReceiver.parseOptions!({ appKey: 'k' })).toThrow(
      /^options\.appKey is not a Dropbox option/,
    );
  });
});
