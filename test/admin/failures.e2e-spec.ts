import { Injectable } from '@nestjs/common';
import { PermanentFailure } from '../../src/dispatch/failures';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { auth, waitForDeliveryStatus } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
const START = new Date('2026-12-01T10:00:00Z');

@Injectable()
class Handlers {
  @OnWebhook('github', 'issues.*', { name: 'archive' })
  archive(event: WebhookEvent<{ kind: string }>) {
    throw new PermanentFailure(`no bucket for ${event.payload.kind}`);
  }

  @OnWebhook('github', 'push', { name: 'notify' })
  notify() {
    throw new Error('upstream answered 503');
  }

  @OnWebhook('github', '*', { name: 'audit' })
  audit() {}
}

describe('admin API: GET /admin/failures', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  const ids: string[] = [];

  async function send(event: string, payload: object) {
    clock.advance(60_000);
    const body = JSON.stringify(payload);
    const res = await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, event), body);
    expect(res.status).toBe(200);
    ids.push(res.body.id);
    return res.body.id as string;
  }

  const failures = (query = '') => t.http().get(`/admin/failures${query}`).set(auth);

  beforeAll(async () => {
    const retry = { maxAttempts: 5, initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 };
    t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20, retry } }), {
      clock,
      providers: [Handlers],
    });
    for (const kind of ['a', 'a', 'b']) {
      await waitForDeliveryStatus(t, await send('issues', { action: 'opened', kind }), 'dead');
    }
    await waitForDeliveryStatus(t, await send('push', { ref: 'main' }), 'failed');
  });
  afterAll(() => t.close());

  it('groups dead and failing runs by handler, largest first', async () => {
    const res = await failures();
    expect(res.status).toBe(200);
    const minute = (n: number) => new Date(START.getTime() + n * 60_000).toISOString();
    expect(res.body).toEqual({
      groups: [
        {
          handler: 'archive',
          error: null,
          dead: 3,
          failing: 0,
          oldest: minute(1),
          newest: minute(3),
          sampleDeliveryId: ids[2],
        },
        {
          handler: 'notify',
          error: null,
          dead: 0,
          failing: 1,
          oldest: minute(4),
          newest: minute(4),
          sampleDeliveryId: ids[3],
        },
      ],
    });
  });

  it("groups by handler and the first line of the runs' last error", async () => {
    const res = await failures('?groupBy=error');
    expect(res.status).toBe(200);
    expect(
      res.body.groups.map((g: Record<string, unknown>) => [g.handler, g.error, g.dead, g.failing]),
    ).toEqual([
      ['archive', 'PermanentFailure: no bucket for a', 2, 0],
      // Groups as large: the one that failed last first.
      ['notify', 'Error: upstream answered 503', 0, 1],
      ['archive', 'PermanentFailure: no bucket for b', 1, 0],
    ]);
    expect(res.body.groups[0].sampleDeliveryId).toBe(ids[1]);
  });

  it('returns at most limit groups', async () => {
    const res = await failures('?groupBy=error&limit=1');
    expect(res.body.groups).toHaveLength(1);
  });

  it.each([
    ['an unknown grouping', '?groupBy=type'],
    ['a limit of 0', '?limit=0'],
    ['a limit that is not a number', '?limit=many'],
  ])('answers 400 for %s', async (_case, query) => {
    expect((await failures(query)).status).toBe(400);
  });

  it('401 without the admin token', async () => {
    expect((await t.http().get('/admin/failures')).status).toBe(401);
  });
});
