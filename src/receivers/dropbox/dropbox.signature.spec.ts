import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDropbox, verifyDropboxSignature } from './dropbox.signature';

// Dropbox publishes no vector. This one is a third-party published example (the test suite of
// the hapi-dropbox-webhooks package), recomputed here with node:crypto.
const EXAMPLE = {
  secret: 'the_secret',
  body: Buffer.from('{"delta": {"users": [12345]}}'),
  signature: '0a8c16b085420b960dc78664279fe09e936a2a01b1f91064869d9e77dfd64529',
};

/** Independent signer: node:crypto directly. */
const reference = (secret: string, body: Buffer) =>
  createHmac('sha256', secret).update(body).digest('hex');

describe('Dropbox signature', () => {
  const notification = readFileSync(join(__dirname, 'fixtures/notification.json'));
  const secret = 'dropbox-app-secret';
  const valid = reference(secret, notification);

  it('reproduces the published example', () => {
    expect(signDropbox(EXAMPLE.secret, EXAMPLE.body)).toBe(EXAMPLE.signature);
    expect(verifyDropboxSignature(EXAMPLE.signature, EXAMPLE.body, [EXAMPLE.secret])).toBe(0);
  });

  it.each([
    ['the notification sample', valid, notification, [secret], 0],
    ['upper-case hex', valid.toUpperCase(), notification, [secret], 0],
    ['the old secret during rotation', valid, notification, ['new-secret', secret], 1],
    ['a wrong secret', valid, notification, ['not-the-secret'], -1],
    ['no secrets at all', valid, notification, [], -1],
    [
      'a body that differs by one byte',
      valid,
      Buffer.from(notification.toString().replace('12345678', '12345679')),
      [secret],
      -1,
    ],
    ['a truncated signature', valid.slice(0, 40), notification, [secret], -1],
    ['a sha256= prefix', `sha256=${valid}`, notification, [secret], -1],
    [
      'the digest in base64',
      createHmac('sha256', secret).update(notification).digest('base64'),
      notification,
      [secret],
      -1,
    ],
    ['an empty header', '', notification, [secret], -1],
  ])('%s', (_case, header, body, secrets, expected) => {
    expect(verifyDropboxSignature(header, body, secrets)).toBe(expected);
  });
});
