import { Injectable } from '@nestjs/common';
import { PermanentFailure } from '../../src/dispatch/failures';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { RetentionService } from '../../src/retention/retention.service';
import { AttemptLog } from '../../src/store/dashboard/attempt-log';
import { auth, deliveryDetail, waitForDeliveryStatus } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
const DAY = 86_400_000;

@Injectable()
class Handlers {
  @OnWebhook('github', 'issues.opened', { name: 'dies' })
  dies() {
    throw new PermanentFailure('dead on arrival');
  }

  @OnWebhook('github', 'issues.closed', { name: 'keeps-retrying' })
  retries() {
    throw new Error('try again in an hour');
  }
}

describe('retention', () => {
  let t: TestApp;
  const clock = new ManualClock();
  const ids: Record<string, string> = {};

  async function send(name: string, event: string, payload: object) {
    const body = JSON.stringify(payload);
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, event, name),
      body,
    );
    ids[name] = res.body.id;
  }
  const exists = async (name: string) =>
    (await t.http().get(`/admin/deliveries/${ids[name]}`).set(auth)).status === 200;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        dispatch: {
          pollIntervalMs: 20,
          retry: { maxAttempts: 100, initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
        },
        retention: { deliveriesDays: 30, deadDays: 90, rawBodyDays: 7, batchSize: 2 },
      }),
      { clock, providers: [Handlers] },
    );
    // Five succeeded (no handler) so the purge needs several batches of 2.
    for (let i = 0; i < 5; i++) await send(`ok-${i}`, 'push', { i });
    await send('dead', 'issues', { action: 'opened' });
    await send('retrying', 'issues', { action: 'closed' });
    for (let i = 0; i < 5; i++) await waitForDeliveryStatus(t, ids[`ok-${i}`], 'succeeded');
    await waitForDeliveryStatus(t, ids.retrying, 'failed');
    await waitForDeliveryStatus(t, ids.dead, 'dead');
  });
  afterAll(() => t.close());

  it('keeps everything that is young enough', async () => {
    const report = await t.app.get(RetentionService).purgeOnce();
    expect(report).toEqual({ deleted: 0, bodiesDropped: 0, replayTokensPurged: 0 });
    expect(await exists('ok-0')).toBe(true);
  });

  it('drops raw bodies of finished deliveries after rawBodyDays, keeping the metadata', async () => {
    clock.advance(8 * DAY);
    const report = await t.app.get(RetentionService).purgeOnce();
    expect(report).toEqual({ deleted: 0, bodiesDropped: 6, replayTokensPurged: 0 }); // 5 succeeded + 1 dead; not the retrying one
    const detail = await deliveryDetail(t, ids['ok-0']);
    expect(detail.status).toBe('succeeded');
    expect((detail as unknown as { payload: unknown }).payload).toBeNull();
    expect(
      ((await deliveryDetail(t, ids.retrying)) as unknown as { payload: unknown }).payload,
    ).toEqual({ action: 'closed' });
  });

  it('purges succeeded deliveries after deliveriesDays in bounded batches; dead ones are kept longer', async () => {
    clock.advance(23 * DAY); // 31 days after arrival
    const report = await t.app.get(RetentionService).purgeOnce();
    expect(report.deleted).toBe(5);
    for (let i = 0; i < 5; i++) expect(await exists(`ok-${i}`)).toBe(false);
    expect(await exists('dead')).toBe(true);
    expect(await exists('retrying')).toBe(true);
  });

  it('purges dead deliveries after deadDays with their attempt log, never one still retrying', async () => {
    const log = t.app.get(AttemptLog);
    expect(await log.ofDelivery(ids.dead)).toHaveLength(1);
    const retryingAttempts = (await log.ofDelivery(ids.retrying)).length;
    expect(retryingAttempts).toBeGreaterThan(0);
    clock.advance(60 * DAY); // 91 days
    const report = await t.app.get(RetentionService).purgeOnce();
    expect(report.deleted).toBe(1);
    expect(await exists('dead')).toBe(false);
    expect(await log.ofDelivery(ids.dead)).toEqual([]);
    expect(await exists('retrying')).toBe(true);
    expect((await log.ofDelivery(ids.retrying)).length).toBeGreaterThanOrEqual(retryingAttempts);
  });
});
