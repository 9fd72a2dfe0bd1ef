/**
 * The testing kit checked against independent evidence: for every row of the receiver
 * contract (test/providers/provider-cases.ts, whose signers are the providers' SDKs or
 * node:crypto, never src/ code), a delivery signed by `signWebhook` is accepted by the row's
 * own app and stored with the row's type; where both signers are deterministic, the kit's
 * signature equals the row's. The kit never replaces those signers as evidence.
 */
import { signWebhook } from '../../src/testing';
import { RECEIVERS } from '../../src/receivers/receivers';
import { SIGNERS } from '../../src/testing/signers/registry';
import { createTestApp, ManualClock, postRaw, testConfig, type TestApp } from '../helpers/test-app';
import { adminGet } from '../providers/contract-client';
import { PROVIDER_CASES } from '../providers/provider-cases';
import { kitInputFor, lowerCased, pathOf } from './kit-inputs';
import { NOT_COMPARED, publicKeyOverrides } from './kit-public-keys';

const CLOCK_START = new Date('2026-11-27T12:00:00Z');

it('has a signer for every registered provider', () => {
  const missing = RECEIVERS.map((r) => r.name).filter((name) => !SIGNERS.has(name));
  expect(missing).toEqual([]);
});

describe.each(PROVIDER_CASES)('signWebhook for $name', (row) => {
  const clock = new ManualClock();
  let t: TestApp;
  let start = CLOCK_START;
  const app = publicKeyOverrides(row);

  beforeAll(async () => {
    start = app.clockStart ?? CLOCK_START;
    clock.set(start);
    t = await createTestApp(testConfig({ endpoints: [app.endpoint] }), {
      clock,
      receivers: app.receivers,
    });
  });
  afterAll(() => t?.close());

  async function stored(id: string) {
    const res = await adminGet(t, `/admin/deliveries/${id}`);
    expect(res.status).toBe(200);
    return res.body as { provider: string; type: string; providerDeliveryId: string | null };
  }

  const deliveryIdOf = (res: { body: { id?: string }; headers: Record<string, string> }) =>
    res.body?.id ?? res.headers['x-hookgate-delivery-id'];

  it("signs the row's documented body so that it is stored with the row's type", async () => {
    const documented = row.sign({ at: clock.now(), ...app.signWith });
    const input = { ...kitInputFor(row, app, documented.headers), ...app.kitInput };
    const signed = signWebhook(row.provider, { ...input, body: documented.body, now: clock.now() });
    const res = await postRaw(t, pathOf(row, signed.query), { ...signed.headers }, signed.body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    const delivery = await stored(deliveryIdOf(res));
    expect(delivery).toMatchObject({ provider: row.provider, type: row.documented.type });
  });

  it('signs its own sample payload so that it is stored', async () => {
    clock.set(start);
    const documented = row.sign({ at: clock.now(), ...app.signWith });
    // The row's type and id headers are left out: the kit sends its own sample with its own.
    const input = { ...kitInputFor(row, app, documented.headers), ...app.kitInput };
    delete input.type;
    delete input.id;
    const signed = signWebhook(row.provider, { ...input, now: clock.now() });
    const res = await postRaw(t, pathOf(row, signed.query), { ...signed.headers }, signed.body);
    // Discord answers its sample (an application event) 204, with no id in the answer.
    const expected = row.provider === 'discord' ? 204 : 200;
    expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
    if (expected === 204) return;
    const delivery = await stored(deliveryIdOf(res));
    expect(delivery.provider).toBe(row.provider);
    expect(delivery.type).toEqual(expect.any(String));
  });

  const compared = !(row.name in NOT_COMPARED);
  (compared ? it : it.skip)('makes the same signature as the row for the same input', () => {
    const at = clock.now();
    const secret = kitInputFor(row, app, {}).secret;
    const theirs = row.sign({ at, secret, ...app.signWith });
    const input = { ...kitInputFor(row, app, theirs.headers), ...app.kitInput };
    const ours = signWebhook(row.provider, { ...input, body: theirs.body, now: at });
    // Each signature the kit sends is one the row sends (rows may add a legacy or second one).
    const signatureHeaders = Array.isArray(row.signatureHeaders) ? row.signatureHeaders : [];
    const theirHeaders = lowerCased(theirs.headers);
    const sent = signatureHeaders.filter((h) => ours.headers[h] !== undefined);
    if (signatureHeaders.length > 0) expect(sent).not.toEqual([]);
    for (const header of sent) {
      expect(signatureHeaders.map((h) => theirHeaders[h])).toContain(ours.headers[header]);
    }
    // The query the provider adds; parameters of the endpoint's own publicUrl are not added.
    const ownQuery = new URL(input.url ?? 'http://x').searchParams;
    const added = [...new URL(theirs.path, 'http://x').searchParams].filter(
      ([name]) => !ownQuery.has(name),
    );
    expect(ours.query).toEqual(Object.fromEntries(added));
  });
});
