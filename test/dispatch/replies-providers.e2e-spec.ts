import { Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { webhookReply } from '../../src/dispatch/reply/webhook-reply';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import type { DiscordInteractionResponse } from '../../src/receivers/discord/discord.replies';
import { waitForRun } from '../helpers/dispatch';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { send } from '../providers/contract-client';
import { discordCase } from '../providers/cases/discord';
import { teamsOutgoingCase } from '../providers/cases/teams-outgoing';
import { telegramCase } from '../providers/cases/telegram';
import { twilioCase } from '../providers/cases/twilio';

const NOW = new Date('2026-11-27T12:00:00Z');
const TOKEN = 'ci-reply-token-0123456789';
const JSON_TYPE = 'application/json; charset=utf-8';
/** A Discord interaction whose handler returns what Discord cannot read. */
const UNREADABLE = '867794291820986999';

const TWIML = (() => {
  const answer = new twilio.twiml.MessagingResponse();
  answer.message('Got it: see you at 5.');
  return answer.toString();
})();

const DISCORD_REPLY: DiscordInteractionResponse = {
  type: 4,
  data: { content: 'Pong', flags: 64 },
};

/**
 * Every provider that reads the HTTP answer takes a reply handler's return value in its natural
 * form: TwiML as text/xml for Twilio, an interaction response for Discord, a message activity
 * for Teams, a method call for Telegram; `webhookReply` sets status and headers. Both engines.
 */
describe('reply handlers: each provider that reads the answer', () => {
  let t: TestApp;
  const clock = new ManualClock(NOW);

  @Injectable()
  class Bots {
    @OnWebhook('twilio', 'message', { reply: true })
    onSms(): string {
      return TWIML;
    }

    @OnWebhook('discord', 'interaction.*', { reply: true })
    onInteraction(event: WebhookEvent): DiscordInteractionResponse | string {
      return event.providerDeliveryId === UNREADABLE ? 'Pong' : DISCORD_REPLY;
    }

    @OnWebhook('teams-outgoing', 'message', { reply: true })
    onMention() {
      return { type: 'message', text: 'On it.' };
    }

    @OnWebhook('telegram', 'message', { reply: true })
    onMessage(event: WebhookEvent<{ message: { chat: { id: number } } }>) {
      return { method: 'sendMessage', chat_id: event.payload.message.chat.id, text: 'Hello!' };
    }

    @OnWebhook('token', '*', { reply: true })
    onJob() {
      return webhookReply({ queued: true }, { status: 202, headers: { 'X-Job': 'job-7' } });
    }
  }

  beforeAll(async () => {
    const endpoints = [discordCase, twilioCase, teamsOutgoingCase, telegramCase].map(
      (row) => row.app().endpoint,
    );
    endpoints.push({
      provider: 'token',
      id: 'ci',
      secrets: [TOKEN],
      options: { header: 'X-Token' },
    });
    t = await createTestApp(testConfig({ endpoints }), { clock, providers: [Bots] });
  });
  afterAll(() => t.close());

  it('answers Twilio with the returned TwiML as text/xml', async () => {
    const res = await send(
      t,
      twilioCase.sign({ at: NOW, key: 'SMreply00000000000000000000000001' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.text).toBe(TWIML);
    await waitForRun(
      t,
      res.headers['x-hookgate-delivery-id'],
      'Bots.onSms',
      (r) => r.status === 'succeeded',
    );
  });

  it('answers Discord with the returned interaction response', async () => {
    const res = await send(t, discordCase.sign({ at: NOW, key: '867794291820986401' }));
    expect([res.status, res.headers['content-type']]).toEqual([200, JSON_TYPE]);
    expect(res.text).toBe(JSON.stringify(DISCORD_REPLY));
  });

  it('defers a Discord interaction whose handler returns what Discord cannot read, and fails the run', async () => {
    const res = await send(t, discordCase.sign({ at: NOW, key: UNREADABLE }));
    expect([res.status, res.text]).toEqual([200, '{"type":5}']);
    const run = await waitForRun(
      t,
      res.headers['x-hookgate-delivery-id'],
      'Bots.onInteraction',
      (r) => r.status === 'failed',
    );
    expect(run.lastError).toContain('Discord reads an interaction response');
  });

  it('answers Teams with the returned message activity', async () => {
    const res = await send(t, teamsOutgoingCase.sign({ at: NOW, key: 'teams-reply-1' }));
    expect([res.status, res.headers['content-type']]).toEqual([200, JSON_TYPE]);
    expect(res.body).toEqual({ type: 'message', text: 'On it.' });
  });

  it('answers Telegram with the returned method call', async () => {
    const res = await send(t, telegramCase.sign({ at: NOW, key: 'telegram-reply-1' }));
    expect([res.status, res.headers['content-type']]).toEqual([200, JSON_TYPE]);
    expect(res.body).toEqual({ method: 'sendMessage', chat_id: 1111111, text: 'Hello!' });
  });

  it('sends an explicit webhookReply as given: status, headers and body', async () => {
    const headers = { 'content-type': 'application/json', 'x-token': TOKEN };
    const res = await postRaw(t, '/webhooks/token/ci', headers, '{"job":"build"}');
    expect([res.status, res.headers['x-job'], res.body]).toEqual([202, 'job-7', { queued: true }]);
    expect(res.headers['x-hookgate-delivery-id']).toEqual(expect.any(String));
  });
});
