import { execFileSync } from 'node:child_process';
import { validateSignature, validateV3Signature } from 'plivo';
import type { FormParams } from '../shared/sorted-params';
import { plivoV2Content, plivoV3Content, signPlivo } from './plivo.signature';
import { verifyPlivoRequest } from './plivo.verify';

// plivo-node test/utils.js: the published V2 vector.
const V2_VECTOR = {
  url: 'https://answer.url',
  nonce: '12345',
  token: 'my_auth_token',
  signature: 'ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=',
};
const TOKEN = 'MAXXXXXXXXXXXXXXXXXX-token';
const NONCE = '05429567804466091622';

/** The params plivo-node takes: a string per key, an array where the key repeats. */
const sdkParams = (params: FormParams) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.length === 1 ? v[0] : [...v]]));
const v3 = (url: string, params: FormParams, token = TOKEN) =>
  signPlivo(token, plivoV3Content(url, NONCE, params));

describe('Plivo V2, against the published vector and plivo-node validateSignature', () => {
  it('reproduces the vector', () => {
    const content = plivoV2Content(V2_VECTOR.url, V2_VECTOR.nonce);
    expect(signPlivo(V2_VECTOR.token, content)).toBe(V2_VECTOR.signature);
  });

  it.each([
    'https://hooks.example.com/plivo/sms',
    'https://hooks.example.com:8443/plivo/sms/?b=2&a=1',
    'http://hooks.example.com/p#ct=2000',
  ])('drops the query and fragment as the SDK does: %s', (url) => {
    const signature = signPlivo(TOKEN, plivoV2Content(url, NONCE));
    expect(validateSignature(url, NONCE, signature, TOKEN)).toBe(true);
  });
});

describe('Plivo V3, against plivo-node validateV3Signature', () => {
  const form: FormParams = {
    To: ['14155550100'],
    From: ['14155552671'],
    Text: ['Hello, café at 5+1?'],
    a: ['lower-case sorts after upper'],
    Media: ['https://x/2', 'https://x/1'],
  };
  it.each<[string, string, FormParams]>([
    ['no query, POST params', 'https://hooks.example.com/plivo/voice', form],
    ['query and POST params', 'https://hooks.example.com/plivo/voice?z=1&b=a%20b&c=c+d', form],
    ['query, no POST params', 'https://hooks.example.com/plivo/voice?z=1', {}],
    ['neither', 'https://hooks.example.com/plivo/voice', {}],
    ['a port and a fragment', 'https://hooks.example.com:8443/p/?q=1#rt=5000', form],
  ])('%s', (_case, url, params) => {
    const signature = v3(url, params);
    expect(validateV3Signature('POST', url, NONCE, TOKEN, signature, sdkParams(params))).toBe(true);
    expect(validateV3Signature('POST', url, NONCE, 'other', signature, sdkParams(params))).toBe(
      false,
    );
  });

  // Under Jest the SDK wraps a repeated query key's array again: Node's querystring builds it in
  // another realm, so its `instanceof Array` is false. Plain Node is asked instead.
  it('a repeated query key, checked by the SDK in a child process', () => {
    const url = 'https://hooks.example.com/plivo/voice?z=1&b=c+d&b=a%20b';
    const signature = v3(url, form);
    const script =
      'const [url, nonce, token, sig, params] = process.argv.slice(1);' +
      "process.stdout.write(String(require('plivo').validateV3Signature(" +
      "'POST', url, nonce, token, sig, JSON.parse(params))));";
    const args = [url, NONCE, TOKEN, signature, JSON.stringify(sdkParams(form))];
    expect(execFileSync(process.execPath, ['-e', script, ...args]).toString()).toBe('true');
  });

  it('accepts any of several comma-separated signatures, as the SDK does', () => {
    const url = 'https://hooks.example.com/plivo/voice?z=1';
    const header = `${v3(url, form, 'old-token')},${v3(url, form)}`;
    expect(validateV3Signature('POST', url, NONCE, TOKEN, header, sdkParams(form))).toBe(true);
    const headers = { 'x-plivo-signature-v3': header, 'x-plivo-signature-v3-nonce': NONCE };
    expect(verifyPlivoRequest({ url, headers, params: form }, [TOKEN], { acceptV2: true })).toEqual(
      { ok: true, secretIndex: 0 },
    );
  });
});
