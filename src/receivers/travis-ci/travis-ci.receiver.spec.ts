import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakePaypalFetch as fakeFetch } from '../../../test/helpers/paypal-delivery';
import {
  TRAVIS_CONFIG_URL,
  travisConfigResponse,
  travisDelivery,
  travisKeyPair,
} from '../../../test/helpers/travis-delivery';
import type { VerifyResult } from '../receiver';
import { webhookRequest } from '../shared/receiver.spec-helpers';
import { parseTravisCiOptions } from './travis-ci.options';
import { createTravisCiReceiver } from './travis-ci.receiver';

const travis = travisKeyPair();
const NOW = new Date('2026-11-27T12:00:00Z');
const PAYLOAD = readFileSync(join(__dirname, 'fixtures', 'build-passed.json'), 'utf8');
const FORM = 'application/x-www-form-urlencoded';

function request(payload = PAYLOAD, keyPem = travis.privateKeyPem) {
  const { headers, body } = travisDelivery(payload, keyPem);
  return webhookRequest(headers, body, FORM);
}

/** A receiver whose fetcher answers /config from `keys` in turn (the last one repeats). */
function receiverServing(...publicKeyPems: string[]) {
  let served = 0;
  const fake = fakeFetch({
    [`GET ${TRAVIS_CONFIG_URL}`]: () =>
      travisConfigResponse(publicKeyPems[Math.min(served++, publicKeyPems.length - 1)]),
  });
  return { receiver: createTravisCiReceiver({ fetch: fake.fetch }), calls: fake.calls };
}

function verify(
  receiver: ReturnType<typeof createTravisCiReceiver>,
  req: ReturnType<typeof request>,
  { at = NOW, secrets = [] as string[], options = {} } = {},
): Promise<VerifyResult> {
  return Promise.resolve(
    receiver.verify(req, { secrets, options: parseTravisCiOptions(options), now: at }),
  );
}

const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('travis-ci receiver', () => {
  it('accepts the documented payload signed by the key /config serves, fetched once', async () => {
    const { receiver, calls } = receiverServing(travis.publicKeyPem);
    await expect(verify(receiver, request())).resolves.toEqual({ ok: true, secretIndex: 0 });
    await expect(verify(receiver, request(), { at: later(3600) })).resolves.toMatchObject({
      ok: true,
    });
    expect(calls.map((c) => c.url)).toEqual([TRAVIS_CONFIG_URL]);
    expect(calls[0].init.method).toBe('GET');
  });

  it('verifies the form-decoded payload (spaces sent as +, non-ASCII percent-encoded)', async () => {
    const payload = JSON.stringify({ message: 'fix: a+b = c & d; ünïcode', id: 7 });
    const { receiver } = receiverServing(travis.publicKeyPem);
    const req = request(payload);
    expect(req.rawBody.toString()).toContain('fix%3A+a%2Bb');
    await expect(verify(receiver, req)).resolves.toMatchObject({ ok: true });
  });

  it('reads /config of the Enterprise API named in options.apiUrl', async () => {
    const enterprise = 'https://travis.example.com/api/config';
    const fake = fakeFetch({
      [`GET ${enterprise}`]: () => travisConfigResponse(travis.publicKeyPem),
    });
    const receiver = createTravisCiReceiver({ fetch: fake.fetch });
    const options = { apiUrl: 'https://travis.example.com/api' };
    await expect(verify(receiver, request(), { options })).resolves.toMatchObject({ ok: true });
    expect(fake.calls.map((c) => c.url)).toEqual([enterprise]);
  });

  it('parses the verified body to the build inside payload', () => {
    const { receiver } = receiverServing(travis.publicKeyPem);
    expect(receiver.parse(request())).toEqual(JSON.parse(PAYLOAD));
  });

  describe('refusals (401, no signature or key quoted)', () => {
    const { receiver } = receiverServing(travis.publicKeyPem);

    async function refusal(req: ReturnType<typeof request>) {
      const result = await verify(receiver, req);
      if (result.ok) throw new Error('accepted');
      const signature = req.headers.signature;
      if (signature) expect(result.message).not.toContain(signature);
      expect(result.message).not.toContain('BEGIN');
      return result;
    }

    it('a payload changed after signing', async () => {
      const signed = request();
      const changed = request(PAYLOAD.replace('"passed"', '"failed"'));
      const result = await refusal({ ...changed, headers: signed.headers });
      expect(result).toMatchObject({ reason: 'signature', message: /does not match/ });
    });

    it('a payload signed by another key', async () => {
      const result = await refusal(request(PAYLOAD, travisKeyPair().privateKeyPem));
      expect(result.message).toMatch(/api\.travis-ci\.com\/config.*options\.apiUrl/);
    });

    it.each([
      ['absent', undefined, /No Signature header/],
      ['empty', '', /No Signature header/],
      ['not base64', 'not*base64', /not base64/],
    ])('a Signature header %s', async (_label, value, message) => {
      const req = request();
      const headers = { ...req.headers, signature: value };
      await expect(refusal({ ...req, headers })).resolves.toMatchObject({ message });
    });

    it.each([
      ['no payload field', 'build=1'],
      ['two payload fields', `payload=${encodeURIComponent(PAYLOAD)}&payload=%7B%7D`],
    ])('%s', async (_label, body) => {
      const req = request();
      const result = await refusal({ ...req, rawBody: Buffer.from(body) });
      expect(result.message).toMatch(/one "payload" form field/);
    });
  });
});
