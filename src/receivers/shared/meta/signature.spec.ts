import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook, Receiver, VerifyResult } from '../../receiver';
import { facebookMessengerReceiver } from '../../facebook-messenger/facebook-messenger.receiver';
import { instagramReceiver } from '../../instagram/instagram.receiver';
import { whatsappReceiver } from '../../whatsapp/whatsapp.receiver';

/*
 * Meta publishes no signature vector. The evidence here is independent of src/: the documented
 * scheme computed with node:crypto over Meta's documented sample payloads, and the verifier
 * Meta's own sample app uses (fbsamples/graph-api-webhooks-samples heroku/index.js requires
 * express-x-hub) accepting those same signatures.
 */
type XHubSignature = new (
  header: string,
  options: { algorithm: string; secret: string },
) => { isValid(body: Buffer): boolean };
// express-x-hub ships no types; its Signature class is the check its middleware runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExpressXHubSignature = require('express-x-hub/lib/signature') as XHubSignature;

const APP_SECRET = 'meta-app-secret-0123456789abcdef';
const fixture = (path: string) => readFileSync(join(__dirname, '../..', path));
const FIXTURES: [string, Receiver<any>, Buffer][] = [
  [
    'instagram comments (\\u escapes, \\/)',
    instagramReceiver,
    fixture('instagram/fixtures/comments.json'),
  ],
  [
    'instagram story insights',
    instagramReceiver,
    fixture('instagram/fixtures/story-insights.json'),
  ],
  ['instagram messaging', instagramReceiver, fixture('instagram/fixtures/messaging.json')],
  ['whatsapp text message', whatsappReceiver, fixture('whatsapp/fixtures/text-message.json')],
  ['whatsapp status', whatsappReceiver, fixture('whatsapp/fixtures/status-delivered.json')],
  [
    'messenger text',
    facebookMessengerReceiver,
    fixture('facebook-messenger/fixtures/text-message.json'),
  ],
  [
    'messenger attachment (\\/)',
    facebookMessengerReceiver,
    fixture('facebook-messenger/fixtures/attachment-message.json'),
  ],
  [
    'messenger mixed batch',
    facebookMessengerReceiver,
    fixture('facebook-messenger/fixtures/batch-mixed.json'),
  ],
];

/** The documented scheme, computed directly: `<alg>=<hex HMAC(app secret, raw body)>`. */
const hub = (algorithm: 'sha1' | 'sha256', body: Buffer, secret = APP_SECRET) =>
  `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;

function verify(
  receiver: Receiver<any>,
  body: Buffer,
  headers: Record<string, string>,
  { secrets = [APP_SECRET], allowSha1 = false } = {},
): VerifyResult {
  const req: IncomingWebhook = {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/meta/app',
    query: {},
    headers,
    rawBody: body,
    contentType: 'application/json',
  };
  const options = { verifyToken: 'vt', allowSha1 };
  return receiver.verify(req, { secrets, options, now: new Date() }) as VerifyResult;
}

describe.each(FIXTURES)('Meta signature over %s', (_name, receiver, body) => {
  const sha256 = hub('sha256', body);
  const sha1 = hub('sha1', body);

  it("is the signature the verifier of Meta's sample app accepts", () => {
    expect(
      new ExpressXHubSignature(sha256, { algorithm: 'sha256', secret: APP_SECRET }).isValid(body),
    ).toBe(true);
    expect(
      new ExpressXHubSignature(sha1, { algorithm: 'sha1', secret: APP_SECRET }).isValid(body),
    ).toBe(true);
  });

  it.each<[string, Record<string, string>, object, object]>([
    ['X-Hub-Signature-256', { 'x-hub-signature-256': sha256 }, {}, { ok: true, secretIndex: 0 }],
    [
      'both headers, as Meta sends them',
      { 'x-hub-signature-256': sha256, 'x-hub-signature': sha1 },
      {},
      { ok: true },
    ],
    [
      'upper-case hex',
      { 'x-hub-signature-256': `sha256=${sha256.slice(7).toUpperCase()}` },
      {},
      { ok: true },
    ],
    [
      'the older app secret during rotation',
      { 'x-hub-signature-256': sha256 },
      { secrets: ['new', APP_SECRET] },
      { ok: true, secretIndex: 1 },
    ],
    ['SHA-1 alone with allowSha1', { 'x-hub-signature': sha1 }, { allowSha1: true }, { ok: true }],
    [
      'SHA-1 alone without allowSha1',
      { 'x-hub-signature': sha1 },
      {},
      {
        ok: false,
        message: expect.stringMatching(
          /^X-Hub-Signature-256 is missing \(SHA1 X-Hub-Signature is off; set options\.allowSha1/,
        ),
      },
    ],
    [
      'another app secret',
      { 'x-hub-signature-256': hub('sha256', body, 'other') },
      {},
      { ok: false, reason: 'signature' },
    ],
    ['no sha256= prefix', { 'x-hub-signature-256': sha256.slice(7) }, {}, { ok: false }],
    [
      'the SHA-1 digest in the SHA-256 header',
      { 'x-hub-signature-256': `sha256=${sha1.slice(5)}` },
      {},
      { ok: false },
    ],
    [
      'no signature',
      {},
      { allowSha1: true },
      { ok: false, message: 'X-Hub-Signature-256 is missing.' },
    ],
  ])('%s', (_case, headers, extra, expected) => {
    expect(verify(receiver, body, headers, extra)).toMatchObject(expected);
  });

  it('is over the raw bytes: the same JSON re-serialized does not verify', () => {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const compact = JSON.stringify(parsed);
    // Compact ASCII JSON re-serializes to itself; then indentation is the difference.
    const reserialized = Buffer.from(
      compact === body.toString('utf8') ? JSON.stringify(parsed, null, 2) : compact,
    );
    expect(reserialized.equals(body)).toBe(false);
    expect(verify(receiver, reserialized, { 'x-hub-signature-256': sha256 })).toMatchObject({
      ok: false,
    });
  });
});

it('the escaped fixtures hold the escapes Meta sends (non-ASCII as \\uXXXX, / as \\/)', () => {
  const text = fixture('instagram/fixtures/comments.json').toString('latin1');
  expect(text).toMatch(/\\u00e9/);
  expect(text).toMatch(/https:\\\/\\\//);
  expect(/[^\x20-\x7e]/.test(text)).toBe(false); // ASCII only, as Meta writes it
});
