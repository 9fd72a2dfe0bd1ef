import { hmacValidator as HmacValidator } from '@adyen/api-library';
import { createHash } from 'node:crypto';
import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { providerFixture } from './cases/signed-json-case';
import { send } from './contract-client';

// A key as the Customer Area shows it (64 hex); the items are signed by the SDK's HmacValidator.
const KEY = '11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB';
const CREDENTIALS = 'adyen-notifier:pa:ss word';
const BASIC = `Basic ${Buffer.from(CREDENTIALS).toString('base64')}`;
const sdk = new HmacValidator();
type Item = Record<string, any>;
/** The SDK's own samples (src/__mocks__/notification): an AUTHORISATION and a REFUND. */
const sampleItem = (name: string): Item =>
  JSON.parse(providerFixture('adyen', name).toString()).notificationItems[0]
    .NotificationRequestItem;
const AUTHORISATION = sampleItem('authorisation-true.json');
const REFUND = sampleItem('refund-false.json');

/** The item for another payment, its hmacSignature made by the SDK under `key`. */
function signed(item: Item, pspReference: string, key = KEY): Item {
  const additionalData = { ...item.additionalData };
  delete additionalData.hmacSignature;
  const unsigned = { ...item, pspReference, additionalData };
  const hmacSignature = sdk.calculateHmac(unsigned as any, key);
  return { ...unsigned, additionalData: { ...additionalData, hmacSignature } };
}
const request = (endpoint: string, items: Item[], headers: Record<string, string> = {}) => ({
  path: `/webhooks/adyen/${endpoint}`,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(
    JSON.stringify({
      live: 'false',
      notificationItems: items.map((NotificationRequestItem) => ({ NotificationRequestItem })),
    }),
  ),
});

/**
 * What is Adyen's own: the `[accepted]` reply, every item of a batch verified, one delivery per
 * batch, and Basic credentials on top of the HMAC signatures when the endpoint holds some
 * (never stored). The contract every receiver keeps is in contract.e2e-spec.ts, row cases/adyen.ts.
 */
describe('Adyen receiver end to end', () => {
  let t: TestApp;
  let serial = 0;
  const psp = () => `88${String(++serial).padStart(14, '0')}`;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=adyen&limit=500')).body.items.length as number;
  const stored = async (id: string) => (await admin(`/deliveries/${id}`)).body;
  const ackId = (res: { headers: Record<string, string> }) => res.headers['x-hookgate-delivery-id'];

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'adyen', id: 'shop', secrets: [KEY] },
          { provider: 'adyen', id: 'guarded', secrets: [CREDENTIALS, KEY] },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers [accepted] as text/plain, for a redelivery too, storing it once', async () => {
    const item = signed(AUTHORISATION, psp());
    expect(sdk.validateHMAC(item as any, KEY)).toBe(true);
    const first = await send(t, request('shop', [item]));
    const again = await send(t, request('shop', [item]));
    for (const res of [first, again]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toBe('[accepted]');
    }
    expect(first.headers['x-hookgate-duplicate']).toBe('false');
    expect(again.headers['x-hookgate-duplicate']).toBe('true');
    expect(ackId(again)).toBe(ackId(first));
    expect(await stored(ackId(first))).toMatchObject({
      type: 'AUTHORISATION',
      providerDeliveryId: `${item.pspReference}:AUTHORISATION:true`,
      occurredAt: '2017-01-19T15:42:03.000Z',
    });
  });

  it('refuses a batch whose second item has a wrong signature (401), storing neither', async () => {
    const good = signed(AUTHORISATION, psp());
    const forged = signed(REFUND, psp(), 'AA'.repeat(32));
    expect(sdk.validateHMAC(forged as any, KEY)).toBe(false);
    const before = await storedCount();
    const res = await send(t, request('shop', [good, forged]));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: 'signature',
      message: expect.stringMatching(
        /^notificationItems\[1\]'s hmacSignature does not match its fields under any configured HMAC key/,
      ),
    });
    expect(JSON.stringify(res.body)).not.toContain(KEY);
    expect(await storedCount()).toBe(before);
  });

  it.each([
    ['one type', 'AUTHORISATION', [AUTHORISATION, AUTHORISATION]],
    ['two types', 'mixed', [AUTHORISATION, REFUND]],
  ])(
    'stores a batch of two items of %s once, typed %s, its id derived from both items',
    async (_case, type, items) => {
      const batch = items.map((item) => signed(item, psp()));
      const res = await send(t, request('shop', batch));
      expect(res.status).toBe(200);
      const ids = batch.map((i) => `${i.pspReference}:${i.eventCode}:${i.success}`).sort();
      const delivery = await stored(ackId(res));
      expect(delivery).toMatchObject({
        type,
        providerDeliveryId: createHash('sha256').update(ids.join('\n')).digest('hex'),
        occurredAt: '2017-01-19T15:42:03.000Z',
      });
      expect(delivery.payload.notificationItems).toHaveLength(2);

      // The same items again, in either order, are the same delivery.
      for (const redelivery of [batch, [...batch].reverse()]) {
        const again = await send(t, request('shop', redelivery));
        expect(again.headers['x-hookgate-duplicate']).toBe('true');
        expect(ackId(again)).toBe(ackId(res));
      }
    },
  );

  describe('with Basic credentials configured', () => {
    it.each([
      ['missing', {}, /^Authorization with Basic credentials is missing/],
      [
        'wrong',
        { authorization: `Basic ${Buffer.from('adyen-notifier:guess').toString('base64')}` },
        /^The Basic credentials do not match any configured user:password/,
      ],
      ['not Basic', { authorization: 'Bearer pa:ss word' }, /^Authorization with Basic/],
    ])(
      'refuses a signed item with %s Authorization (401), quoting no credentials',
      async (_case, headers, message) => {
        const before = await storedCount();
        const res = await send(t, request('guarded', [signed(AUTHORISATION, psp())], headers));
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'signature', message: expect.stringMatching(message) });
        expect(JSON.stringify(res.body)).not.toMatch(/pa:ss|adyen-notifier/);
        expect(await storedCount()).toBe(before);
      },
    );

    it('refuses the right credentials with a wrongly signed item (401)', async () => {
      const forged = signed(AUTHORISATION, psp(), 'BB'.repeat(32));
      const res = await send(t, request('guarded', [forged], { authorization: BASIC }));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/hmacSignature does not match/);
    });

    it('accepts the right credentials with a signed item, and never stores Authorization', async () => {
      const res = await send(
        t,
        request('guarded', [signed(REFUND, psp())], { authorization: BASIC }),
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('[accepted]');
      const delivery = await stored(ackId(res));
      expect(delivery).toMatchObject({ endpoint: 'guarded', type: 'REFUND' });
      expect(delivery.headers).toMatchObject({ 'content-type': 'application/json' });
      expect(Object.keys(delivery.headers)).not.toContain('authorization');
      const everything = JSON.stringify([
        delivery,
        (await admin('/deliveries?provider=adyen&limit=500')).body,
      ]);
      for (const hidden of [BASIC, Buffer.from(CREDENTIALS).toString('base64'), CREDENTIALS]) {
        expect(everything).not.toContain(hidden);
      }
    });
  });
});
