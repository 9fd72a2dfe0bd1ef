/**
 * The receiver contract: what every receiver does, whatever its provider. Each row of
 * PROVIDER_CASES (provider-cases.ts, one file per receiver under cases/) says how to make a
 * valid delivery for its receiver, signed the provider's documented way or by its SDK, and
 * what is stored for it. Every case below runs for every row, on an app of the row's own:
 *
 * - a valid delivery is acknowledged (200 with `{ id, duplicate: false }`, or the receiver's own
 *   answer with both in headers) and the admin API shows its provider, endpoint, type, provider
 *   delivery id and payload, and no secret; a delivery signed with any configured secret is;
 * - a redelivery with the same provider delivery id is answered `duplicate: true` with the first
 *   one's id and stored once, also when copies arrive together;
 * - unsigned (no signature header, or no `?code=`), signed with a foreign secret, or sent with
 *   another body than the one signed: 401 `signature`; signed outside the timestamp window: 401 `stale-timestamp`;
 * - a content type the receiver does not take: 415; signed but unparseable or untyped: 400
 *   `malformed` (406 where the row says the provider reads it as "do not retry"); an unknown
 *   endpoint or provider: 404; a GET or HEAD that is no handshake: 405 with Allow. Every
 *   refusal is `{ error, message }` and holds no secret.
 *
 * Where a case does not apply to a receiver, its row says why (`notApplicable`) and the case is
 * registered as skipped with that reason in its title: never left out silently. What is a
 * provider's own (handshakes, header variants, options, SDK interop) stays in its own spec.
 */
import { createTestApp, ManualClock, testConfig, type TestApp } from '../helpers/test-app';
import {
  acknowledgementOf,
  adminGet,
  expectNoSecretIn,
  expectRefused,
  send,
  storedIdsWithDeliveryId,
  unsigned,
} from './contract-client';
import { itWhenApplicable, skipAsNotApplicable } from './not-applicable';
import { isApplicable, type SigningInput } from './provider-case';
import { PROVIDER_CASES } from './provider-cases';

const DEFAULT_CLOCK_START = new Date('2026-11-27T12:00:00Z');

describe.each(PROVIDER_CASES)('$name receiver contract', (row) => {
  const clock = new ManualClock();
  let clockStart = DEFAULT_CLOCK_START;
  let t: TestApp;
  let serial = 0;
  /** A key no other delivery of this row uses: its provider delivery id derives from it. */
  const newKey = (label: string) => `${label}${++serial}`;
  const sign = (input: Partial<SigningInput> = {}) => row.sign({ at: clock.now(), ...input });
  const secondsFromNow = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000);

  beforeAll(async () => {
    const app = row.app();
    clockStart = app.clockStart ?? DEFAULT_CLOCK_START;
    clock.set(clockStart);
    t = await createTestApp(testConfig({ endpoints: [app.endpoint] }), {
      clock,
      receivers: app.receivers,
    });
  });
  afterAll(() => t?.close());
  beforeEach(() => clock.set(clockStart));

  describe('a valid delivery', () => {
    it('is acknowledged, and the admin API shows it as documented, without secrets', async () => {
      const ack = acknowledgementOf(row, await send(t, sign()));
      expect(ack).toEqual({ id: expect.any(String), duplicate: false });
      const stored = await adminGet(t, `/admin/deliveries/${ack.id}`);
      expect(stored.status).toBe(200);
      const { documented } = row;
      expect(stored.body).toMatchObject({
        provider: row.provider,
        endpoint: row.endpoint,
        type: documented.type,
        providerDeliveryId: documented.providerDeliveryId,
        ...documented.storedIncludes,
      });
      expect(stored.body.payload).toEqual(documented.payload);
      if (documented.payloadIncludes)
        expect(stored.body.payload).toMatchObject(documented.payloadIncludes);
      for (const header of row.secretHeaders)
        expect(stored.body.headers).not.toHaveProperty(header);
      expectNoSecretIn(row, stored.body);
    });

    if (isApplicable(row.secrets)) {
      it.each(row.secrets.map((secret, i) => [i + 1, secret]))(
        'is accepted signed with configured secret %i (rotation)',
        async (_index, secret) => {
          const ack = acknowledgementOf(
            row,
            await send(t, sign({ key: newKey('rotation'), secret })),
          );
          expect(ack.duplicate).toBe(false);
        },
      );
    } else {
      skipAsNotApplicable('is accepted signed with any configured secret', row.secrets);
    }
  });

  describe('de-duplication', () => {
    const { dedupe } = row;
    if (isApplicable(dedupe)) {
      it('answers a redelivery duplicate: true with the first id, and stores it once', async () => {
        const key = newKey('redelivered');
        const first = acknowledgementOf(row, await send(t, sign({ key })));
        clock.advance(dedupe.retryAfterMs);
        const retry = acknowledgementOf(row, await send(t, sign({ key, attempt: 2 })));
        expect(first).toEqual({ id: expect.any(String), duplicate: false });
        expect(retry).toEqual({ id: first.id, duplicate: true });
        expect(await storedIdsWithDeliveryId(t, row, dedupe.deliveryIdOf(key))).toEqual([first.id]);
      });
    } else {
      // The alternative to de-duplication, not a skip: without an id, each copy is new.
      it(`stores a repeat again as a new delivery (${dedupe.notApplicable})`, async () => {
        const first = acknowledgementOf(row, await send(t, sign()));
        const again = acknowledgementOf(row, await send(t, sign()));
        expect(first.duplicate).toBe(false);
        expect(again.duplicate).toBe(false);
        expect(again.id).not.toBe(first.id);
      });
    }

    itWhenApplicable(dedupe, 'stores concurrent copies of one delivery once', async () => {
      const request = sign({ key: newKey('concurrent') });
      const answers = await Promise.all(Array.from({ length: 5 }, () => send(t, request)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      const acks = answers.map((a) => acknowledgementOf(row, a));
      expect(new Set(acks.map((a) => a.id)).size).toBe(1);
      expect(acks.filter((a) => !a.duplicate)).toHaveLength(1);
    });
  });

  describe('signature refusals', () => {
    const { signatureHeaders, signatureQueryParams } = row;
    if (isApplicable(signatureHeaders) || signatureQueryParams) {
      it.each(['absent', 'empty'])(
        '401 signature when unsigned (signature header or ?code= %s)',
        async (how) => {
          const request = unsigned(row, sign(), how as 'absent' | 'empty');
          expectRefused(row, await send(t, request), 401, 'signature');
        },
      );
    } else {
      skipAsNotApplicable('401 signature when unsigned', signatureHeaders);
    }

    it('401 signature when signed with a secret the endpoint does not hold', async () => {
      const request = sign({ secret: row.foreignSecret.make() });
      expectRefused(row, await send(t, request), 401, 'signature', row.foreignSecret.message);
    });

    const { tamperings } = row;
    if (isApplicable(tamperings)) {
      it.each(tamperings)(
        '401 signature for another body than the one signed: $label',
        async (tampering) => {
          const request = sign({ body: tampering.signedBody });
          expectRefused(
            row,
            await send(t, { ...request, body: tampering.sentBody }),
            401,
            'signature',
          );
        },
      );
    } else {
      skipAsNotApplicable('401 signature for another body than the one signed', tamperings);
    }
  });

  describe('timestamp window', () => {
    const { timestampWindow } = row;
    const tolerance = isApplicable(timestampWindow) ? timestampWindow.toleranceSeconds : 300;
    // Just outside the window either way, and as far as the providers' own specs went (those
    // that a wider window, such as Twitch's 600 s, holds are not stale there).
    const staleOffsets = [
      -(tolerance + 1),
      tolerance + 1,
      ...[-360, 360, -600].filter((offset) => Math.abs(offset) > tolerance),
    ];

    if (isApplicable(timestampWindow)) {
      it.each(staleOffsets)(
        '401 stale-timestamp for a signature made %i s from now',
        async (offset) => {
          const request = sign({ key: newKey('stale'), at: secondsFromNow(offset) });
          expectRefused(row, await send(t, request), 401, 'stale-timestamp');
        },
      );
    } else {
      skipAsNotApplicable('401 stale-timestamp outside the window', timestampWindow);
    }

    itWhenApplicable(timestampWindow, `accepts a signature ${tolerance - 1} s old`, async () => {
      const request = sign({ key: newKey('fresh'), at: secondsFromNow(-(tolerance - 1)) });
      expect(acknowledgementOf(row, await send(t, request)).duplicate).toBe(false);
    });
  });

  describe('other refusals', () => {
    if (row.acceptsTextPlain) {
      skipAsNotApplicable('415 unsupported-media-type for text/plain', row.acceptsTextPlain);
    }
    it.each([...(row.acceptsTextPlain ? [] : ['text/plain']), ...row.otherRefusedContentTypes])(
      '415 unsupported-media-type for %s',
      async (contentType) => {
        const request = sign();
        const headers = { ...request.headers, 'content-type': contentType };
        expectRefused(row, await send(t, { ...request, headers }), 415, 'unsupported-media-type');
      },
    );

    it.each(row.malformed)(
      '400 malformed (406 where the row says so) for a signed delivery that $label',
      async (malformed) => {
        const res = await send(t, malformed.request(clock.now()));
        expectRefused(row, res, malformed.status ?? 400, 'malformed', malformed.message);
      },
    );

    it('404 unknown-endpoint for an unknown endpoint, or another provider', async () => {
      const request = sign();
      const other = row.provider === 'github' ? 'gitlab' : 'github';
      for (const path of [
        `/webhooks/${row.provider}/no-such-endpoint`,
        `/webhooks/${other}/${row.endpoint}`,
        `/webhooks/no-such-provider/${row.endpoint}`,
      ]) {
        expectRefused(row, await send(t, { ...request, path }), 404, 'unknown-endpoint');
      }
    });

    itWhenApplicable(
      row.refusedGet,
      `405 method-not-allowed for a GET that is no handshake, with Allow${
        isApplicable(row.refusedGet) ? `: ${row.refusedGet.allow}` : ''
      }`,
      async ({ allow }) => {
        const res = await t.http().get(`/webhooks/${row.provider}/${row.endpoint}`);
        expectRefused(row, res, 405, 'method-not-allowed');
        expect(res.headers.allow).toBe(allow);
      },
    );

    itWhenApplicable(row.refusedHead, '405 for a HEAD, with Allow', async ({ allow }) => {
      const res = await t.http().head(`/webhooks/${row.provider}/${row.endpoint}`);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe(allow);
    });
  });
});
