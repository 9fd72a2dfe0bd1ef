import type { IncomingWebhook } from '../../../receiver';
import { answerHandshake, handshakeMethod } from '../handshakes';

/** The two POST handshakes: which requests they take, and that they take nothing else. */
const post = (body: string, contentType: string, method = 'POST'): IncomingWebhook => ({
  method,
  url: 'https://hooks.example.com/webhooks/p/e',
  query: {},
  headers: {},
  rawBody: Buffer.from(body),
  contentType,
});
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('form-ping handshake', () => {
  const ping = { kind: 'form-ping', field: 'webhook_id' } as const;

  it('arrives by POST and answers webhook_id=<digits> 200 with no body', () => {
    expect(handshakeMethod(ping)).toBe('POST');
    expect(answerHandshake(ping, post('webhook_id=7', FORM), {})).toEqual({ status: 200 });
  });

  it.each([
    ['a JSON body', post('webhook_id=7', JSON_TYPE)],
    ['another field', post('hook_id=7', FORM)],
    ['a second field', post('webhook_id=7&x=1', FORM)],
    ['a non-numeric id', post('webhook_id=7a', FORM)],
    ['an empty id', post('webhook_id=', FORM)],
    ['a GET', post('webhook_id=7', FORM, 'GET')],
    ['a regex in the value', post('webhook_id=.*', FORM)],
  ])('takes no %s', (_case, req) => {
    expect(answerHandshake(ping, req, {})).toBeUndefined();
  });

  it('treats the field name literally, not as a pattern', () => {
    const dotted = { kind: 'form-ping', field: 'a.b' } as const;
    expect(answerHandshake(dotted, post('a.b=1', FORM), {})).toEqual({ status: 200 });
    expect(answerHandshake(dotted, post('axb=1', FORM), {})).toBeUndefined();
  });
});

describe('verification-token-post handshake', () => {
  const token = { kind: 'verification-token-post', field: 'verification_token' } as const;

  it('arrives by POST and answers a body holding only the token 200 with no body', () => {
    expect(handshakeMethod(token)).toBe('POST');
    const answer = answerHandshake(
      token,
      post('{"verification_token":"secret_abc"}', JSON_TYPE),
      {},
    );
    expect(answer).toEqual({ status: 200 });
    expect(JSON.stringify(answer)).not.toContain('secret_abc');
  });

  it.each([
    ['a form body', post('verification_token=secret_abc', FORM)],
    ['a second field', post('{"verification_token":"s","type":"page.created"}', JSON_TYPE)],
    ['no token', post('{"token":"s"}', JSON_TYPE)],
    ['a null token', post('{"verification_token":null}', JSON_TYPE)],
    ['JSON null', post('null', JSON_TYPE)],
    ['broken JSON', post('{"verification_token"', JSON_TYPE)],
    [
      'a body over 1 KiB',
      post(JSON.stringify({ verification_token: 's'.repeat(1100) }), JSON_TYPE),
    ],
  ])('takes no %s', (_case, req) => {
    expect(answerHandshake(token, req, {})).toBeUndefined();
  });
});
