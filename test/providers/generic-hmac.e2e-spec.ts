import { createHmac } from 'node:crypto';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { adminGet } from './contract-client';

const SECRET = 'erp-e2e-secret';
const OLD_SECRET = 'erp-e2e-previous-secret';
const URL = '/webhooks/hmac/erp';
const clock = new ManualClock();
const T = String(Math.floor(clock.now().getTime() / 1000));

const ERP = {
  provider: 'hmac',
  id: 'erp',
  secrets: [SECRET, OLD_SECRET],
  options: {
    header: 'X-Erp-Signature',
    prefix: 'sha256=',
    signedContent: '{timestamp}.{body}',
    timestampHeader: 'X-Erp-Timestamp',
    idFrom: 'header:X-Erp-Delivery',
    typeFrom: 'body:event.type',
  },
};
/** The defaults: sha256, hex, the raw body; the type is the endpoint id, no id. */
const PLAIN = { provider: 'hmac', id: 'plain', secrets: [SECRET], options: { header: 'X-Sig' } };

function body(id: number): Buffer {
  return Buffer.from(JSON.stringify({ event: { type: 'invoice.paid', id }, amount: 12.5 }));
}

function erpHeaders(payload: Buffer, delivery: string, secret = SECRET, timestamp = T) {
  const signature = createHmac('sha256', secret).update(`${timestamp}.`).update(payload);
  return {
    'content-type': 'application/json',
    'x-erp-signature': `sha256=${signature.digest('hex')}`,
    'x-erp-timestamp': timestamp,
    'x-erp-delivery': delivery,
  };
}

describe('Generic hmac provider end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(testConfig({ endpoints: [ERP, PLAIN] }), { clock });
  });
  afterAll(() => t.close());

  it('accepts a valid delivery with the configured type and delivery id', async () => {
    const payload = body(1);
    const res = await postRaw(t, URL, erpHeaders(payload, 'erp-del-1'), payload);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      provider: 'hmac',
      endpoint: 'erp',
      type: 'invoice.paid',
      providerDeliveryId: 'erp-del-1',
    });
    expect(JSON.stringify(stored.body)).not.toContain(SECRET);
  });

  it('accepts the previous secret (rotation)', async () => {
    const payload = body(2);
    const res = await postRaw(t, URL, erpHeaders(payload, 'erp-del-2', OLD_SECRET), payload);
    expect(res.status).toBe(200);
  });

  it('stores a redelivery once', async () => {
    const payload = body(3);
    const first = await postRaw(t, URL, erpHeaders(payload, 'erp-del-3'), payload);
    const again = await postRaw(t, URL, erpHeaders(payload, 'erp-del-3'), payload);
    expect(first.body.duplicate).toBe(false);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    const list = await adminGet(t, '/admin/deliveries?provider=hmac&limit=500');
    const ids = (list.body.items as { providerDeliveryId: string | null }[]).filter(
      (d) => d.providerDeliveryId === 'erp-del-3',
    );
    expect(ids).toHaveLength(1);
  });

  it.each<[string, () => [Record<string, string>, Buffer]]>([
    ['a tampered body', () => [erpHeaders(body(4), 'erp-del-4'), body(5)]],
    ['a wrong secret', () => [erpHeaders(body(4), 'erp-del-4', 'not-the-secret'), body(4)]],
    [
      'a changed timestamp',
      () => [
        { ...erpHeaders(body(4), 'erp-del-4'), 'x-erp-timestamp': String(Number(T) + 1) },
        body(4),
      ],
    ],
    [
      'no signature',
      () => [{ ...erpHeaders(body(4), 'erp-del-4'), 'x-erp-signature': '' }, body(4)],
    ],
  ])('401 for %s', async (_name, make) => {
    const [headers, payload] = make();
    const res = await postRaw(t, URL, headers, payload);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('401 stale-timestamp outside the window, though signed', async () => {
    const old = String(Number(T) - 301);
    const res = await postRaw(t, URL, erpHeaders(body(6), 'erp-del-6', SECRET, old), body(6));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('stale-timestamp');
  });

  it('with the defaults, the type is the endpoint id', async () => {
    const payload = body(7);
    const signature = createHmac('sha256', SECRET).update(payload).digest('hex');
    const headers = { 'content-type': 'application/json', 'x-sig': signature };
    const res = await postRaw(t, '/webhooks/hmac/plain', headers, payload);
    expect(res.status).toBe(200);
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({ endpoint: 'plain', type: 'plain' });
    expect(stored.body.providerDeliveryId ?? undefined).toBeUndefined();
  });
});

describe('Generic hmac provider options at start-up', () => {
  it.each<[Record<string, unknown>, string]>([
    [{}, 'endpoints[0].options.header is required'],
    [{ header: 'X-Sig', algorithm: 'md5' }, 'endpoints[0].options.algorithm must be one of'],
    [{ header: 'X-Sig', typeFrom: 'type' }, 'endpoints[0].options.typeFrom must be'],
    [
      { header: 'X-Sig', signedContent: '{timestamp}.{body}' },
      'endpoints[0].options.signedContent names {timestamp}',
    ],
  ])('refuses %j, naming the field', async (options, message) => {
    const config = testConfig({ endpoints: [{ ...PLAIN, options }] });
    await expect(createTestApp(config)).rejects.toThrow(message);
  });
});
