import { crc32 } from 'node:zlib';
import { createPaypalReceiver } from './paypal.receiver';
import {
  body,
  certServer,
  context,
  expectRefused,
  request,
  signed,
} from './paypal.receiver.spec-helpers';

describe('PayPal receiver, offline verification', () => {
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
