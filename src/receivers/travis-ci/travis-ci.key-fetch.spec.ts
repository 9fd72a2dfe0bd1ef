import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakePaypalFetch as fakeFetch } from '../../../test/helpers/paypal-delivery';
import {
  TRAVIS_CONFIG_URL,
  travisConfigResponse,
  travisDelivery,
  travisKeyPair,
} from '../../../test/helpers/travis-delivery';
import type { Receiver, VerifyResult } from '../receiver';
import { webhookRequest } from '../shared/receiver.spec-helpers';
import { parseTravisCiOptions, type TravisCiOptions } from './travis-ci.options';
import { createTravisCiReceiver } from './travis-ci.receiver';

const current = travisKeyPair();
const rotated = travisKeyPair();
const forger = travisKeyPair();
const NOW = new Date('2026-11-27T12:00:00Z');
const PAYLOAD = readFileSync(join(__dirname, 'fixtures', 'build-passed.json'), 'utf8');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

function signedBy(privateKeyPem: string) {
  const { headers, body } = travisDelivery(PAYLOAD, privateKeyPem);
  return webhookRequest(headers, body, 'application/x-www-form-urlencoded');
}

function verify(
  receiver: Receiver<TravisCiOptions>,
  privateKeyPem: string,
  at = NOW,
  secrets: string[] = [],
): Promise<VerifyResult> {
  const options = parseTravisCiOptions({});
  return Promise.resolve(receiver.verify(signedBy(privateKeyPem), { secrets, options, now: at }));
}

/** /config serves `first` until `rotate()` is called, then `second`. */
function rotatingTravis(first = current.publicKeyPem, second = rotated.publicKeyPem) {
  let key = first;
  const fake = fakeFetch({ [`GET ${TRAVIS_CONFIG_URL}`]: () => travisConfigResponse(key) });
  return {
    receiver: createTravisCiReceiver({ fetch: fake.fetch }),
    fetches: () => fake.calls.length,
    rotate: () => (key = second),
  };
}

describe('travis-ci key fetching', () => {
  it('refetches after a failing signature at most once per keyRefetchSeconds', async () => {
    const travis = rotatingTravis();
    await expect(verify(travis.receiver, current.privateKeyPem)).resolves.toMatchObject({
      ok: true,
    });
    // Just fetched: a forged signature does not make it ask again.
    await expect(verify(travis.receiver, forger.privateKeyPem, later(10))).resolves.toMatchObject({
      ok: false,
    });
    expect(travis.fetches()).toBe(1);
    // 300 s later: one refetch, then none again within the interval, however many forgeries.
    await verify(travis.receiver, forger.privateKeyPem, later(300));
    for (const s of [301, 350, 599]) await verify(travis.receiver, forger.privateKeyPem, later(s));
    expect(travis.fetches()).toBe(2);
    await verify(travis.receiver, forger.privateKeyPem, later(600));
    expect(travis.fetches()).toBe(3);
  });

  it('picks up a rotated key on the first failure past the interval', async () => {
    const travis = rotatingTravis();
    await verify(travis.receiver, current.privateKeyPem);
    travis.rotate();
    await expect(verify(travis.receiver, rotated.privateKeyPem, later(60))).resolves.toMatchObject({
      ok: false,
    });
    expect(travis.fetches()).toBe(1);
    await expect(verify(travis.receiver, rotated.privateKeyPem, later(301))).resolves.toMatchObject(
      { ok: true },
    );
    // The new key is cached: no more fetches, and the old key's signatures now fail.
    await expect(verify(travis.receiver, rotated.privateKeyPem, later(302))).resolves.toMatchObject(
      {
        ok: true,
      },
    );
    await expect(verify(travis.receiver, current.privateKeyPem, later(303))).resolves.toMatchObject(
      { ok: false },
    );
    expect(travis.fetches()).toBe(2);
  });

  it('re-reads the key after a day even without a failure', async () => {
    const travis = rotatingTravis();
    await verify(travis.receiver, current.privateKeyPem);
    await verify(travis.receiver, current.privateKeyPem, later(24 * 3600 - 1));
    expect(travis.fetches()).toBe(1);
    await verify(travis.receiver, current.privateKeyPem, later(24 * 3600));
    expect(travis.fetches()).toBe(2);
  });

  it('concurrent first deliveries share one fetch', async () => {
    const travis = rotatingTravis();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => verify(travis.receiver, current.privateKeyPem)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(travis.fetches()).toBe(1);
  });

  describe('503 upstream-unavailable when /config gives no key', () => {
    it.each([
      [
        'the fetch throws',
        () => Promise.reject(new TypeError('fetch failed')),
        /failed: TypeError/,
      ],
      ['a timeout', () => Promise.reject(new DOMException('t', 'TimeoutError')), /timed out/],
      [
        'a 502',
        () => new Response('bad gateway', { status: 502 }),
        /answered 502; Travis CI does not retry, so this delivery is lost/,
      ],
      ['a 404', () => new Response('nope', { status: 404 }), /answered 404; check .*apiUrl/],
      ['not JSON', () => new Response('<html>', { status: 200 }), /not JSON; check/],
      ['no key', () => new Response('{"config":{}}', { status: 200 }), /public_key is missing/],
      [
        'not a key',
        () => travisConfigResponse('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'),
        /not an RSA public key/,
      ],
    ])('%s', async (_label, answer, message) => {
      const fake = fakeFetch({ [`GET ${TRAVIS_CONFIG_URL}`]: answer });
      const receiver = createTravisCiReceiver({ fetch: fake.fetch });
      const failure = verify(receiver, current.privateKeyPem);
      await expect(failure).rejects.toMatchObject({
        status: 503,
        reason: 'upstream-unavailable',
        headers: { 'Retry-After': '60' },
        message: expect.stringMatching(
          /Fetching the Travis CI webhook public key from https:\/\/api\.travis-ci\.com\/config/,
        ),
      });
      await expect(failure).rejects.toThrow(message);
    });
  });

  describe('public keys pinned in secrets', () => {
    const neverCalled = jest.fn(() => Promise.reject(new Error('must not fetch')));
    const receiver = createTravisCiReceiver({ fetch: neverCalled });
    const pinned = [rotated.publicKeyPem, current.publicKeyPem];

    it('verifies with any pinned key and never fetches', async () => {
      await expect(verify(receiver, current.privateKeyPem, NOW, pinned)).resolves.toEqual({
        ok: true,
        secretIndex: 1,
      });
      await expect(verify(receiver, rotated.privateKeyPem, NOW, pinned)).resolves.toEqual({
        ok: true,
        secretIndex: 0,
      });
      const refused = await verify(receiver, forger.privateKeyPem, NOW, pinned);
      expect(refused).toMatchObject({ ok: false, message: /pinned public key/ });
      expect(neverCalled).not.toHaveBeenCalled();
    });

    it('checkSecret takes an RSA public key PEM and refuses anything else, unquoted', () => {
      expect(receiver.checkSecret!(current.publicKeyPem)).toBeUndefined();
      const message = receiver.checkSecret!('sekrit-value');
      expect(message).toMatch(/public key in PEM/);
      expect(message).not.toContain('sekrit');
    });
  });
});
