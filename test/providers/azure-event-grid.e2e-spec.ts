import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { send } from './contract-client';
import {
  EVENT_GRID_PATH,
  EVENT_GRID_SECRET,
  eventGridFixture,
  eventGridSent,
} from './cases/azure-event-grid';

/**
 * What is Event Grid's own: the SubscriptionValidationEvent and the CloudEvents OPTIONS check,
 * answered exactly and never stored, and the secret in the endpoint URL's query. The contract is
 * in contract.e2e-spec.ts, row cases/azure-event-grid.ts.
 */
describe('Azure Event Grid receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=azure-event-grid&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          {
            provider: 'azure-event-grid',
            id: 'storage',
            secrets: [EVENT_GRID_SECRET],
            options: { header: 'X-Grid-Secret' },
          },
          {
            provider: 'azure-event-grid',
            id: 'by-query',
            secrets: ['event-grid-query-secret-0b7d'],
            options: { query: 'code' },
          },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the SubscriptionValidationEvent with its code, storing nothing', async () => {
    const before = await storedCount();
    const res = await send(
      t,
      eventGridSent(
        eventGridFixture('subscription-validation.json'),
        EVENT_GRID_SECRET,
        'SubscriptionValidation',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' });
    expect(await storedCount()).toBe(before);
  });

  it('answers the CloudEvents OPTIONS check with WebHook-Allowed-Origin', async () => {
    const res = await t
      .http()
      .options(EVENT_GRID_PATH)
      .set('webhook-request-origin', 'eventgrid.azure.net');
    expect(res.status).toBe(200);
    expect(res.headers['webhook-allowed-origin']).toBe('eventgrid.azure.net');
  });

  it('takes the secret from the query when configured so', async () => {
    const body = eventGridFixture('blob-created.json');
    const headers = { 'content-type': 'application/json', 'aeg-event-type': 'Notification' };
    const path = '/webhooks/azure-event-grid/by-query';
    expect((await send(t, { path, headers, body })).status).toBe(401);
    const res = await send(t, { path: `${path}?code=event-grid-query-secret-0b7d`, headers, body });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('event-grid-query-secret');
  });
});
