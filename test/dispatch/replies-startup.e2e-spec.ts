import { Injectable } from '@nestjs/common';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { waitForRun } from '../helpers/dispatch';
import { SLACK_REPLY_SECRET, slashCommand } from '../helpers/slash-commands';
import { createTestApp, ManualClock, postRaw, testConfig } from '../helpers/test-app';

const NOW = new Date('2026-11-27T12:00:00Z');
const slack = (id: string, extra: Record<string, unknown> = {}) => ({
  provider: 'slack',
  id,
  secrets: [SLACK_REPLY_SECRET],
  ...extra,
});

/**
 * What start-up refuses about reply handlers (two that could answer one delivery, a provider
 * that does not read the answer, a deadline longer than the provider's), and an edge-only
 * process that replies. Both engines.
 */
describe('reply handlers at start-up', () => {
  it.each([
    ['the same type', 'slack', 'slash_command', {}, 'slash_command'],
    ['a type, and "*" on one endpoint', 'slack', '*', { endpoint: 'app' }, 'slash_command'],
    ['a prefix and a type under it', 'discord', 'interaction.*', {}, 'interaction.modal_submit'],
    ['two prefixes, one inside the other', 'discord', 'interaction.*', {}, 'interaction.modal.*'],
  ])(
    'stops when two reply handlers could answer one delivery (%s), naming both',
    async (_case, provider, firstPattern, firstOptions, secondPattern) => {
      @Injectable()
      class First {
        @OnWebhook(provider, firstPattern, { reply: true, ...firstOptions })
        answer() {}
      }
      @Injectable()
      class Second {
        @OnWebhook(provider, secondPattern, { reply: true })
        answer() {}
      }
      const config = testConfig({ endpoints: [slack('app'), slack('other')] });
      await expect(createTestApp(config, { providers: [First, Second] })).rejects.toThrow(
        new RegExp(
          `Two reply handlers could answer the same ${provider} delivery: ` +
            `(First\\.answer .* and Second\\.answer|Second\\.answer .* and First\\.answer)`,
        ),
      );
    },
  );

  it('starts with reply handlers of one type on two different endpoints', async () => {
    @Injectable()
    class PerEndpoint {
      @OnWebhook('slack', 'slash_command', { reply: true, endpoint: 'app' })
      app() {}
      @OnWebhook('slack', '*', { reply: true, endpoint: 'other' })
      other() {}
    }
    const config = testConfig({ endpoints: [slack('app'), slack('other')] });
    const t = await createTestApp(config, { providers: [PerEndpoint] });
    await t.close();
  });

  it('stops when a reply handler names a provider that does not read the answer', async () => {
    @Injectable()
    class PushReply {
      @OnWebhook('github', 'push', { reply: true })
      onPush() {}
    }
    await expect(createTestApp(testConfig(), { providers: [PushReply] })).rejects.toThrow(
      /Webhook handler PushReply\.onPush: \{ reply: true \}, but github does not read the HTTP answer.*slack, .*twilio/,
    );
  });

  it.each([
    [
      slack('app', { replyDeadlineMs: 3_000 }),
      /endpoints\[0\]\.replyDeadlineMs \(3000\) must be at most 2500: slack waits 3000 ms/,
    ],
    [
      { provider: 'github', id: 'acme', secrets: ['s'], replyDeadlineMs: 1_000 },
      /endpoints\[0\]\.replyDeadlineMs is set, but github does not read the HTTP answer/,
    ],
    [
      {
        provider: 'token',
        id: 'ci',
        secrets: ['t'],
        options: { query: 'code' },
        replyDeadlineMs: 61_000,
      },
      /must be at most 60000: token publishes no timeout/,
    ],
  ])('refuses the endpoint %j', async (endpoint, message) => {
    await expect(createTestApp(testConfig({ endpoints: [endpoint] }))).rejects.toThrow(message);
  });

  it('replies from an edge-only process (role api); the other handlers wait for a worker', async () => {
    @Injectable()
    class EdgeReply {
      @OnWebhook('slack', 'slash_command', { reply: true })
      answer(event: WebhookEvent<{ text: string }>) {
        return { text: `Edge got ${event.payload.text}` };
      }
      @OnWebhook('slack', 'slash_command')
      later() {}
    }
    const clock = new ManualClock(NOW);
    const config = testConfig({ role: 'api', endpoints: [slack('app')] });
    const t = await createTestApp(config, { clock, providers: [EdgeReply] });
    try {
      const { headers, body } = slashCommand('T-edge', 'status', NOW);
      const res = await postRaw(t, '/webhooks/slack/app', headers, body);
      expect(res.text).toBe(JSON.stringify({ text: 'Edge got status' }));
      const id = res.headers['x-hookgate-delivery-id'];
      await waitForRun(t, id, 'EdgeReply.answer', (r) => r.status === 'succeeded');
      // Planned on arrival, so a worker claims it without a planning ever meeting the reply run.
      await waitForRun(t, id, 'EdgeReply.later', (r) => r.status === 'pending' && r.attempts === 0);
    } finally {
      await t.close();
    }
  });
});
