import { Injectable } from '@nestjs/common';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import type { SlackReply } from '../../src/receivers/slack/slack.replies';
import { RetentionService } from '../../src/retention/retention.service';
import { DeliveryReplies } from '../../src/store/delivery-replies';
import { auth, waitForDeliveryStatus, waitForRun } from '../helpers/dispatch';
import { SLACK_REPLY_SECRET, slashCommand } from '../helpers/slash-commands';
import {
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
  waitFor,
} from '../helpers/test-app';

const NOW = new Date('2026-11-27T12:00:00Z');
const REPLIER = 'Commands.onCommand';
const AUDIT = 'Audit.onCommand';
/** The `short` endpoint's deadline, and how long a slow handler takes: far past it. */
const SHORT_DEADLINE_MS = 300;
const SLOW_MS = 1_500;

type SlashForm = { text: string; trigger_id: string };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A reply handler answers Slack's slash commands through the real app: stored first, then its
 * return value is the HTTP answer; a failure or a missed deadline gets Slack's empty 200 and a
 * failed run; a retry of the same command gets the stored answer. Both engines.
 */
describe('reply handlers: Slack slash commands', () => {
  let t: TestApp;
  // The clock stays put, so a failed reply run never comes due again here: its asynchronous
  // retry is an ordinary run, which dispatch.e2e-spec.ts covers.
  const clock = new ManualClock(NOW);
  /** Reply handler calls by trigger id, and whether each was told it is replying. */
  const calls = new Map<string, boolean[]>();
  const audited: string[] = [];
  /** Trigger ids whose slow handler finished, after its deadline. */
  const finishedLate = new Set<string>();
  let releaseHeld: () => void = () => undefined;

  @Injectable()
  class Commands {
    @OnWebhook('slack', 'slash_command', { reply: true })
    async onCommand(event: WebhookEvent<SlashForm>): Promise<SlackReply | undefined> {
      const { text, trigger_id: id } = event.payload;
      calls.set(id, [...(calls.get(id) ?? []), event.replying]);
      if (text === 'boom') throw new Error('the deploy command failed');
      if (text === 'nothing') return undefined;
      if (text === 'slow') {
        await sleep(SLOW_MS);
        finishedLate.add(id);
        return { text: 'too late' };
      }
      if (text === 'held') await new Promise<void>((resolve) => (releaseHeld = resolve));
      return { response_type: 'ephemeral', text: `Deploying ${text}` };
    }
  }

  /** An ordinary handler of the same deliveries: it runs on the worker, as always. */
  @Injectable()
  class Audit {
    @OnWebhook('slack', 'slash_command')
    onCommand(event: WebhookEvent<SlashForm>) {
      audited.push(event.payload.trigger_id);
    }
  }

  beforeAll(async () => {
    const secrets = [SLACK_REPLY_SECRET];
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'slack', id: 'app', secrets },
          { provider: 'slack', id: 'short', secrets, replyDeadlineMs: SHORT_DEADLINE_MS },
        ],
      }),
      { clock, providers: [Commands, Audit] },
    );
  });
  afterAll(() => t.close());

  const send = (endpoint: string, triggerId: string, text: string) => {
    const { headers, body } = slashCommand(triggerId, text, NOW);
    return postRaw(t, `/webhooks/slack/${endpoint}`, headers, body);
  };

  it('answers with exactly the JSON the handler returned; the delivery and its runs are in the admin API', async () => {
    const sentAt = Date.now();
    const res = await send('app', 'T-ok', 'api v2');
    expect(Date.now() - sentAt).toBeLessThan(3_000);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe(JSON.stringify({ response_type: 'ephemeral', text: 'Deploying api v2' }));
    expect(calls.get('T-ok')).toEqual([true]);
    const id = res.headers['x-hookgate-delivery-id'];
    const run = await waitForRun(t, id, REPLIER, (r) => r.status === 'succeeded');
    expect(run).toMatchObject({ attempts: 1, lastError: null });
    expect(run.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'succeeded', error: null }),
    ]);
    const detail = await waitForDeliveryStatus(t, id, 'succeeded');
    expect(detail).toMatchObject({ type: 'slash_command', providerDeliveryId: 'T-ok' });
    expect(detail!.runs.map((r) => [r.handler, r.status]).sort()).toEqual([
      [AUDIT, 'succeeded'],
      [REPLIER, 'succeeded'],
    ]);
    expect(audited).toContain('T-ok');
  });

  it("answers Slack's empty 200 when the handler throws, and records the run failed", async () => {
    const res = await send('app', 'T-boom', 'boom');
    expect([res.status, res.text]).toEqual([200, '']);
    expect(res.headers['x-hookgate-duplicate']).toBe('false');
    const id = res.headers['x-hookgate-delivery-id'];
    const run = await waitForRun(t, id, REPLIER, (r) => r.status === 'failed');
    expect(run.attempts).toBe(1);
    expect(run.lastError).toContain('the deploy command failed');
    expect(run.attemptLog).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'failed',
        error: 'Error: the deploy command failed',
      }),
    ]);
    expect(run.nextAttemptAt).not.toBeNull();
  });

  it('answers the default at the deadline; the late result is neither sent nor stored', async () => {
    const sentAt = Date.now();
    const res = await send('short', 'T-slow', 'slow');
    const waited = Date.now() - sentAt;
    expect([res.status, res.text]).toEqual([200, '']);
    expect(waited).toBeGreaterThanOrEqual(SHORT_DEADLINE_MS - 50);
    expect(waited).toBeLessThan(SLOW_MS);
    const id = res.headers['x-hookgate-delivery-id'];
    const run = await waitForRun(t, id, REPLIER, (r) => r.status === 'failed');
    expect(run.lastError).toContain(`${REPLIER} did not reply within`);
    expect(run.attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'timed_out' })]);

    // The handler did finish, later: its answer went nowhere, and a retry does not get it.
    await waitFor(() => finishedLate.has('T-slow'), 5_000, 'the slow handler to finish');
    const retry = await send('short', 'T-slow', 'slow');
    expect([retry.status, retry.text]).toEqual([200, '']);
    expect(retry.headers['x-hookgate-duplicate']).toBe('true');
    expect(calls.get('T-slow')).toEqual([true]);
  });

  it("gets a provider's retry the stored reply, without running the handler again", async () => {
    const first = await send('app', 'T-retry', 'web');
    const id = first.headers['x-hookgate-delivery-id'];
    await waitForRun(t, id, REPLIER, (r) => r.status === 'succeeded');

    const retry = await send('app', 'T-retry', 'web');
    expect(retry.status).toBe(200);
    expect(retry.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(retry.text).toBe(first.text);
    expect(retry.headers['x-hookgate-delivery-id']).toBe(id);
    expect(retry.headers['x-hookgate-duplicate']).toBe('true');
    expect(calls.get('T-retry')).toEqual([true]);
  });

  it('lets a retry that arrives while the reply is being made wait for that reply', async () => {
    const first = send('app', 'T-held', 'held').then((res) => res);
    await waitFor(() => calls.has('T-held'), 5_000, 'the held handler to start');
    const retry = send('app', 'T-held', 'held').then((res) => res);
    await sleep(100);
    releaseHeld();
    const [a, b] = await Promise.all([first, retry]);
    const reply = JSON.stringify({ response_type: 'ephemeral', text: 'Deploying held' });
    expect([a.text, a.headers['x-hookgate-duplicate']]).toEqual([reply, 'false']);
    expect([b.text, b.headers['x-hookgate-duplicate']]).toEqual([reply, 'true']);
    expect(calls.get('T-held')).toEqual([true]);
  });

  it('answers the default when the handler returns nothing, and records the run succeeded', async () => {
    const res = await send('app', 'T-nothing', 'nothing');
    expect([res.status, res.text]).toEqual([200, '']);
    const id = res.headers['x-hookgate-delivery-id'];
    await waitForRun(t, id, REPLIER, (r) => r.status === 'succeeded');
  });

  // Last: it moves the clock a month on.
  it('lets retention delete a delivery with its stored reply', async () => {
    const res = await send('app', 'T-old', 'old');
    const id = res.headers['x-hookgate-delivery-id'];
    await waitForDeliveryStatus(t, id, 'succeeded');
    expect(await t.app.get(DeliveryReplies).find(id)).toMatchObject({ status: 200 });
    clock.advance(31 * 86_400_000);
    await t.app.get(RetentionService).purgeOnce();
    expect(await t.app.get(DeliveryReplies).find(id)).toBeUndefined();
    expect((await t.http().get(`/admin/deliveries/${id}`).set(auth)).status).toBe(404);
  });
});
