import { asanaReceiver } from '../../src/receivers/asana/asana.receiver';
import { RECEIVERS } from '../../src/receivers/receivers';
import { auth } from '../helpers/dispatch';
import { createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';

/** A second provider that hands over its secret in a handshake, as Asana does. */
const handsOver = { ...asanaReceiver, name: 'hands-over' };

/**
 * `DELETE /admin/endpoints/{provider}/{id}/handshake-secret` names one endpoint; the older path
 * by id alone works while the id is not shared by two such providers, and says which to name.
 */
describe('admin endpoints when two providers share an endpoint id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'asana', id: 'tasks' },
          { provider: 'hands-over', id: 'tasks' },
          { provider: 'asana', id: 'solo' },
        ],
      }),
      { receivers: [...RECEIVERS, handsOver] },
    );
    for (const path of [
      '/webhooks/asana/tasks',
      '/webhooks/hands-over/tasks',
      '/webhooks/asana/solo',
    ]) {
      const res = await postRaw(t, path, { 'x-hook-secret': `secret-of-${path}` }, Buffer.alloc(0));
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('answers 409 by id alone, naming both endpoints', async () => {
    const res = await t.http().delete('/admin/endpoints/tasks/handshake-secret').set(auth);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(
      'Several endpoints have the id tasks; name one: /admin/endpoints/asana/tasks or /admin/endpoints/hands-over/tasks/handshake-secret.',
    );
  });

  it('forgets one provider’s secret by provider and id, leaving the other’s', async () => {
    const path = '/admin/endpoints/hands-over/tasks/handshake-secret';
    expect((await t.http().delete(path).set(auth)).status).toBe(204);
    expect((await t.http().delete(path).set(auth)).status).toBe(404);
    // Asana's endpoint of the same id still keeps its own: a new secret is refused.
    const other = await postRaw(
      t,
      '/webhooks/asana/tasks',
      { 'x-hook-secret': 'x' },
      Buffer.alloc(0),
    );
    expect(other.status).toBe(403);
    const again = await postRaw(
      t,
      '/webhooks/hands-over/tasks',
      { 'x-hook-secret': 'y' },
      Buffer.alloc(0),
    );
    expect(again.status).toBe(200);
  });

  it('still forgets by id alone when only one such endpoint has it', async () => {
    expect((await t.http().delete('/admin/endpoints/solo/handshake-secret').set(auth)).status).toBe(
      204,
    );
  });
});
