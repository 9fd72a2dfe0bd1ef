import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  fakePaypalFetch,
  paypalHeaders,
  TEST_CERT_URL,
  TEST_WEBHOOK_ID,
} from '../../../test/helpers/paypal-delivery';
import { paypalTestPki } from '../../../test/helpers/paypal-pki';
import type { IncomingWebhook, ReceiverContext, VerifyResult } from '../receiver';
import { parsePaypalOptions, type PaypalOptions } from './paypal.options';
import { createPaypalReceiver } from './paypal.receiver';

// Each paypal.receiver.*.spec.ts holds its own copy of these fixtures: a shared module that is
// not a spec would be compiled by tsconfig.build.json, which cannot reach test/helpers.
const body = readFileSync(join(__dirname, 'fixtures/payment-capture-completed.json'));
const pki = paypalTestPki();
// A little after the test certificates were made, so they are valid.
const NOW = new Date(Date.now() + 60_000);

function request(headers: Record<string, string>, rawBody: Buffer = body): IncomingWebhook {
  return {
    method: 'POST',
    url: '/webhooks/paypal/shop',
    query: {},
    headers,
    rawBody,
    contentType: 'application/json',
  };
}

function context(
  options: Record<string, unknown> = {},
  now = NOW,
  secrets: string[] = [],
): ReceiverContext<PaypalOptions> {
  return {
    secrets,
    now,
    options: parsePaypalOptions({ webhookId: TEST_WEBHOOK_ID, caPem: pki.rootPem, ...options }),
  };
}

function certServer(chain = pki.chain) {
  return fakePaypalFetch({ [`GET ${TEST_CERT_URL}`]: () => new Response(chain, { status: 200 }) });
}

function expectRefused(result: VerifyResult, message: RegExp, reason = 'signature') {
  expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(message) });
}

describe('PayPal receiver, offline verification', () => {
  const signed = (overrides: Partial<Parameters<typeof paypalHeaders>[0]> = {}) =>
    paypalHeaders({ body, keyPem: pki.leafKeyPem, now: NOW, ...overrides });

  it('lets an honest re-send of one transmission through (the store de-duplicates it)', async () => {
    const receiver = createPaypalReceiver({ fetch: certServer().fetch });
    const headers = signed({ transmissionId: 'tx-resent' });
    await expect(receiver.verify(request(headers), context())).resolves.toMatchObject({ ok: true });
    await expect(receiver.verify(request(headers), context())).resolves.toMatchObject({ ok: true });
  });

  it('refuses a second body with the same CRC-32 under an accepted transmission id', async () => {
    const forged = withCrc32(
      Buffer.from('{"id":"WH-FORGED","event_type":"PAYMENT.CAPTURE.COMPLETED"} '),
      crc32(body),
    );
    expect(crc32(forged)).toBe(crc32(body));
    const headers = signed({ transmissionId: 'tx-captured' });

    // The weakness: PayPal's signature alone accepts the forged body.
    const fresh = createPaypalReceiver({ fetch: certServer().fetch });
    await expect(fresh.verify(request(headers, forged), context())).resolves.toMatchObject({
      ok: true,
    });

    // Once the genuine body was accepted, the same transmission with other bytes is refused.
    const receiver = createPaypalReceiver({ fetch: certServer().fetch });
    await expect(receiver.verify(request(headers), context())).resolves.toMatchObject({ ok: true });
    expectRefused(
      await receiver.verify(request(headers, forged), context()),
      /already accepted with a different body/,
    );
  });
});

/**
 * Append 4 bytes to `prefix` so that the whole has CRC-32 `target` (CRC-32 is linear, so this is
 * how anyone can forge a body for a captured PayPal signature).
 */
function withCrc32(prefix: Buffer, target: number): Buffer {
  const POLY = 0xedb88320;
  let register = ~target >>> 0;
  for (let bit = 0; bit < 32; bit++) {
    register = register & 0x80000000 ? (((register ^ POLY) << 1) | 1) >>> 0 : (register << 1) >>> 0;
  }
  const patch = Buffer.alloc(4);
  patch.writeUInt32LE((register ^ ~crc32(prefix)) >>> 0);
  return Buffer.concat([prefix, patch]);
}
