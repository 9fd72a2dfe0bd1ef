import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signShopify, verifyShopifySignature } from './shopify.signature';

// Shopify publishes no vector. This one is a third-party published example (SQLPage's Shopify
// HMAC test), recomputed here with node:crypto.
const EXAMPLE = {
  secret: 'test-webhook-secret',
  body: Buffer.from('{"id":1234567890,"email":"customer@example.com","total_price":"123.45"}'),
  hmac: 'QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=',
};

/** Independent signer: node:crypto directly. */
const reference = (secret: string, body: Buffer) =>
  createHmac('sha256', secret).update(body).digest('base64');

describe('Shopify signature', () => {
  const order = readFileSync(join(__dirname, 'fixtures/orders-create.json'));
  const secret = 'shopify-app-client-secret';
  const valid = reference(secret, order);

  it('reproduces the published example', () => {
    expect(signShopify(EXAMPLE.secret, EXAMPLE.body)).toBe(EXAMPLE.hmac);
    expect(verifyShopifySignature(EXAMPLE.hmac, EXAMPLE.body, [EXAMPLE.secret])).toBe(0);
  });

  it.each([
    ['the orders/create sample', valid, order, [secret], 0],
    ['the old secret during rotation', valid, order, ['new-secret', secret], 1],
    ['a wrong secret', valid, order, ['not-the-secret'], -1],
    ['no secrets at all', valid, order, [], -1],
    [
      'a body that differs by one byte',
      valid,
      Buffer.from(order.toString().replace('#9999', '#9998')),
      [secret],
      -1,
    ],
    [
      'the body re-serialized (escaped slashes lost)',
      valid,
      Buffer.from(JSON.stringify(JSON.parse(order.toString()))),
      [secret],
      -1,
    ],
    [
      'the digest in hex instead of base64',
      createHmac('sha256', secret).update(order).digest('hex'),
      order,
      [secret],
      -1,
    ],
    ['base64 without its padding', valid.replace(/=+$/, ''), order, [secret], -1],
    ['an empty header', '', order, [secret], -1],
  ])('%s', (_case, header, body, secrets, expected) => {
    expect(verifyShopifySignature(header, body, secrets)).toBe(expected);
  });
});
