import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signTrello, verifyTrelloSignature } from './trello.signature';

/**
 * Independent signer, written the way Trello's own documentation sample does it: the body text
 * and the callback URL concatenated as one string, HMAC-SHA1, base64.
 */
const reference = (secret: string, body: Buffer, callbackUrl: string) =>
  createHmac('sha1', secret)
    .update(body.toString('utf8') + callbackUrl)
    .digest('base64');

describe('Trello signature', () => {
  const action = readFileSync(join(__dirname, 'fixtures/update-card.json'));
  const secret = 'trello-application-secret-0123456789abcdef';
  const callback = 'https://hooks.example.com/webhooks/trello/boards';
  const valid = reference(secret, action, callback);

  it('signs the body followed by the callback URL (non-ASCII body included)', () => {
    expect(action.toString('utf8')).toContain('Ana Pérez');
    expect(signTrello(secret, action, callback)).toBe(valid);
  });

  it.each([
    ['the updateCard sample', valid, action, callback, [secret], 0],
    ['the old secret during rotation', valid, action, callback, ['new-secret', secret], 1],
    ['a wrong secret', valid, action, callback, ['not-the-secret'], -1],
    ['no secrets at all', valid, action, callback, [], -1],
    [
      'a body that differs by one byte',
      valid,
      Buffer.from(action.toString().replace('Doing', 'Done!')),
      callback,
      [secret],
      -1,
    ],
    ['a trailing slash on the URL', valid, action, `${callback}/`, [secret], -1],
    ['http instead of https', valid, action, callback.replace('https:', 'http:'), [secret], -1],
    ['an explicit :443', valid, action, callback.replace('.com/', '.com:443/'), [secret], -1],
    [
      'a query string the registration did not have',
      valid,
      action,
      `${callback}?x=1`,
      [secret],
      -1,
    ],
    [
      'the body alone, without the URL',
      createHmac('sha1', secret).update(action).digest('base64'),
      action,
      callback,
      [secret],
      -1,
    ],
    ['an empty header', '', action, callback, [secret], -1],
  ])('%s', (_case, header, body, url, secrets, expected) => {
    expect(verifyTrelloSignature(header, body, url, secrets)).toBe(expected);
  });
});
