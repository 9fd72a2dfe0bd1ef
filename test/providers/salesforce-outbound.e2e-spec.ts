import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import {
  SALESFORCE_ACK as ACK,
  SALESFORCE_LEAD as LEAD,
  SALESFORCE_ORG_15 as ORG_15,
  SALESFORCE_ORG_18 as ORG_18,
  salesforceLead,
  salesforceRequest,
} from './cases/salesforce-outbound';
import { send } from './contract-client';

const THREE = readFileSync(
  join(__dirname, '../../src/receivers/salesforce-outbound/fixtures/aspnet-outbound-message.xml'),
  'utf8',
);
const path = (endpoint: string) => `/webhooks/salesforce-outbound/${endpoint}`;

/**
 * What is Salesforce's own: the SOAP Ack (for duplicates too), organization ids of 15 and 18
 * characters, several orgs on one endpoint, batches, and XML that must not hurt. The contract
 * every receiver keeps is in contract.e2e-spec.ts, row cases/salesforce-outbound.ts.
 */
describe('Salesforce outbound messages end to end', () => {
  let t: TestApp;
  let serial = 0;
  const admin = (p: string) =>
    t.http().get(`/admin${p}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=salesforce-outbound&limit=500')).body.items.length as number;
  const newId = () => `04l37000000X${String(++serial).padStart(4, '0')}AA`;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'salesforce-outbound', id: 'short', secrets: [ORG_15] },
          { provider: 'salesforce-outbound', id: 'long', secrets: [ORG_18] },
          {
            provider: 'salesforce-outbound',
            id: 'orgs',
            secrets: ['00D000000000001', '00D000000000002AAA'],
          },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the SOAP Ack as text/xml, for a duplicate as well, the ids in headers', async () => {
    const request = salesforceRequest(salesforceLead({ id: newId() }), path('short'));
    const first = await send(t, request);
    const again = await send(t, request);
    for (const res of [first, again]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(res.text).toBe(ACK);
    }
    expect(first.headers['x-hookgate-duplicate']).toBe('false');
    expect(again.headers['x-hookgate-duplicate']).toBe('true');
    expect(again.headers['x-hookgate-delivery-id']).toBe(first.headers['x-hookgate-delivery-id']);
  });

  it.each([
    ['an 18-character id, the endpoint holding its 15 characters', 'short', ORG_18],
    ['a 15-character id, the endpoint holding 18', 'long', ORG_15],
    ['an 18-character id with another checksum, the endpoint holding 18', 'long', `${ORG_15}AAA`],
    ['the second of two orgs', 'orgs', '00D000000000002'],
  ])('accepts %s', async (_case, endpoint, orgId) => {
    const res = await send(
      t,
      salesforceRequest(salesforceLead({ id: newId(), orgId }), path(endpoint)),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe(ACK);
  });

  it.each([
    ['another org', 'short', '00D000000000009'],
    ['its 15 characters in another case', 'short', ORG_15.toLowerCase()],
    ['another 15-character prefix', 'long', `${ORG_15.slice(0, 14)}X`],
  ])('refuses %s (401), naming no id', async (_case, endpoint, orgId) => {
    const res = await send(
      t,
      salesforceRequest(salesforceLead({ id: newId(), orgId }), path(endpoint)),
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${ORG_15}|00D0000000000`, 'i'));
  });

  it('stores a message of several notifications as one delivery, typed by its sObjects', async () => {
    const res = await send(t, salesforceRequest(THREE, path('short')));
    expect(res.status).toBe(200);
    const stored = await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`);
    expect(stored.body.type).toBe('mixed');
    expect(stored.body.payload.notifications.map((n: { id: string }) => n.id)).toEqual([
      '04l37000000L0E5AAK',
      '14l37000123L0E5AAK',
      '24l37123450L0E5AAK',
    ]);
  });

  it('refuses a DOCTYPE (billion laughs, XXE) at once (401), storing nothing', async () => {
    const before = await storedCount();
    const laughs = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE e [<!ENTITY l0 "lol">${laughs}<!ENTITY x SYSTEM "file:///etc/passwd">]>${LEAD.replace(/^<\?xml[^>]*>/, '').replace('Henrik', '&l10;&x;')}`;
    const started = Date.now();
    const res = await send(t, salesforceRequest(bomb, path('short')));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/DOCTYPE or ENTITY declaration is refused/);
    expect(await storedCount()).toBe(before);
  });

  it('refuses JSON (415) and answers 405 to GET', async () => {
    const json = await send(t, {
      path: path('short'),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
    });
    expect(json.status).toBe(415);
    expect((await t.http().get(path('short'))).status).toBe(405);
  });
});
