import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { IncomingWebhook, Receiver } from '../../receiver';
import { asymmetricReceiver } from './asymmetric-receiver';
import type { AsymmetricDescriptor, AsymmetricOptions } from './descriptor';

const NOW = new Date('2026-11-27T12:00:00Z');
const TS = String(NOW.getTime() / 1000);
const BODY = Buffer.from('{"type":"ping","n":1}');

const base = {
  name: 'test',
  title: 'Test',
  signature: { header: 'X-Sig', encoding: 'base64' },
  timestamp: { header: 'X-Ts', unit: 's' },
  normalize: () => ({ type: 'ping' }),
} as const;

const ed = generateKeyPairSync('ed25519');
const edRaw = ed.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const ecSpki = ec.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

const edHex: AsymmetricDescriptor = {
  ...base,
  scheme: 'ed25519',
  publicKey: { encoding: 'hex', hint: 'a 64-character hex Ed25519 public key' },
  signature: { header: 'X-Sig', encoding: 'hex' },
  signedContent: '{timestamp}{body}',
};
const edBase64: AsymmetricDescriptor = {
  ...base,
  scheme: 'ed25519',
  publicKey: { encoding: 'base64', hint: 'a base64 Ed25519 public key' },
  signedContent: '{timestamp}|{body}',
};
const ecdsa: AsymmetricDescriptor = {
  ...base,
  scheme: 'ecdsa-p256',
  publicKey: { encoding: 'base64-spki', hint: 'a base64 P-256 public key' },
  signedContent: '{timestamp}{body}',
};

/** The documented schemes computed here with node:crypto. */
function signed(
  d: AsymmetricDescriptor,
  key: KeyObject,
  ts = TS,
  body = BODY,
  separator = d.signedContent.includes('|') ? '|' : '',
): IncomingWebhook {
  const data = Buffer.concat([Buffer.from(ts + separator), body]);
  const sig =
    d.scheme === 'ed25519'
      ? sign(null, data, key)
      : sign('sha256', data, { key, dsaEncoding: 'der' });
  return {
    method: 'POST',
    url: 'http://localhost/webhooks/test/x',
    query: {},
    headers: { 'x-sig': sig.toString(d.signature.encoding), 'x-ts': ts },
    rawBody: body,
  };
}

const ctx = (secrets: string[], options: AsymmetricOptions = {}) => ({
  secrets,
  options,
  now: NOW,
});

describe.each<[string, AsymmetricDescriptor, KeyObject, string]>([
  ['Ed25519, hex raw key', edHex, ed.privateKey, edRaw.toString('hex')],
  ['Ed25519, base64 raw key', edBase64, ed.privateKey, edRaw.toString('base64')],
  ['ECDSA P-256, base64 SPKI key', ecdsa, ec.privateKey, ecSpki],
])('the asymmetric receiver: %s', (_name, descriptor, privateKey, publicKey) => {
  const receiver: Receiver<AsymmetricOptions> = asymmetricReceiver(descriptor);
  const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });

  it('accepts the key at start-up and a delivery signed with it, under any configured key', () => {
    expect(receiver.checkSecret!(publicKey)).toBeUndefined();
    const req = signed(descriptor, privateKey);
    expect(receiver.verify(req, ctx([publicKey]))).toEqual({ ok: true, secretIndex: 0 });
    const foreign = descriptor.scheme === 'ed25519' ? edOther(descriptor) : ecOther();
    expect(receiver.verify(req, ctx([foreign, publicKey]))).toEqual({ ok: true, secretIndex: 1 });
  });

  it('refuses, naming what is expected, a key of another kind or form', () => {
    for (const bad of [
      '',
      'not a key',
      'AAAA',
      other.toString('hex'),
      other.toString('base64'),
      p384,
    ]) {
      expect(receiver.checkSecret!(bad)).toBe(`is not ${descriptor.publicKey.hint}.`);
    }
  });

  it.each<[string, (req: IncomingWebhook) => IncomingWebhook, RegExp]>([
    [
      'another body',
      (r) => ({ ...r, rawBody: Buffer.from('{"type":"ping","n":2}') }),
      /does not verify over the timestamp and body/,
    ],
    [
      'another timestamp',
      (r) => ({ ...r, headers: { ...r.headers, 'x-ts': String(Number(TS) - 1) } }),
      /does not verify/,
    ],
    ['no signature', (r) => ({ ...r, headers: { 'x-ts': TS } }), /^X-Sig is missing\.$/],
    [
      'no timestamp',
      (r) => ({ ...r, headers: { 'x-sig': r.headers['x-sig'] } }),
      /^X-Ts is missing or not a whole number of seconds\.$/,
    ],
    [
      'a signature not in its encoding',
      (r) => ({ ...r, headers: { ...r.headers, 'x-sig': '!!' } }),
      /^X-Sig is not a (hex|base64) Test signature\.$/,
    ],
  ])('refuses %s with 401 signature', (_label, edit, message) => {
    const result = receiver.verify(edit(signed(descriptor, privateKey)), ctx([publicKey]));
    expect(result).toEqual({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
  });

  it.each([-301, 301])('refuses a signature %i s from now as stale, both directions', (offset) => {
    const req = signed(descriptor, privateKey, String(Number(TS) + offset));
    expect(receiver.verify(req, ctx([publicKey]))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(receiver.verify(req, ctx([publicKey], { toleranceSeconds: 0 }))).toMatchObject({
      ok: true,
    });
  });

  it('parses toleranceSeconds and refuses other options', () => {
    expect(receiver.parseOptions!({ toleranceSeconds: 60 })).toEqual({ toleranceSeconds: 60 });
    expect(() => receiver.parseOptions!({ secret: 'x' })).toThrow(
      /options.secret is not a Test option/,
    );
  });
});

function edOther(d: AsymmetricDescriptor): string {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
  return raw.subarray(-32).toString(d.publicKey.encoding === 'hex' ? 'hex' : 'base64');
}

function ecOther(): string {
  const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

describe('an asymmetric descriptor that contradicts itself', () => {
  it.each<[string, Partial<AsymmetricDescriptor>, RegExp]>([
    ['{timestamp} without a timestamp header', { timestamp: undefined }, /go together/],
    ['no {body}', { signedContent: '{timestamp}' }, /does not sign \{body\}/],
    ['a URL', { signedContent: '{url}{timestamp}{body}' }, /\{url\} is not signed/],
    ['a P-256 key as raw bytes', { scheme: 'ecdsa-p256' }, /read as base64-spki/],
  ])('is refused when the module loads: %s', (_label, change, message) => {
    expect(() => asymmetricReceiver({ ...edHex, ...change })).toThrow(message);
  });
});
