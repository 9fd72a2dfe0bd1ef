import { DiscordCommandReply } from '../../src/handlers/discord-interaction.handler';
import { SlackSlashCommandReply } from '../../src/handlers/slack-slash-command.handler';
import { SLACK_REPLY_SECRET, slashCommand } from '../helpers/slash-commands';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { send } from '../providers/contract-client';
import { discordCase } from '../providers/cases/discord';

const NOW = new Date('2026-11-27T12:00:00Z');

/** The example reply handlers in src/handlers/ answer as their comments say. Both engines. */
describe('example reply handlers', () => {
  let t: TestApp;

  beforeAll(async () => {
    const endpoints = [
      { provider: 'slack', id: 'team', secrets: [SLACK_REPLY_SECRET] },
      discordCase.app().endpoint,
    ];
    t = await createTestApp(testConfig({ endpoints }), {
      clock: new ManualClock(NOW),
      providers: [SlackSlashCommandReply, DiscordCommandReply],
    });
  });
  afterAll(() => t.close());

  it('answers a Slack slash command with a message only its user sees', async () => {
    const { headers, body } = slashCommand('T-example', 'api v2', NOW);
    const res = await postRaw(t, '/webhooks/slack/team', headers, body);
    const id = res.headers['x-hookgate-delivery-id'];
    expect(res.body).toEqual({
      response_type: 'ephemeral',
      text: `Hookgate stored /deploy api v2 (delivery ${id}).`,
    });
  });

  it('answers a Discord command with an ephemeral message', async () => {
    const res = await send(t, discordCase.sign({ at: NOW, key: '867794291820986777' }));
    expect(res.body).toEqual({
      type: 4,
      data: { content: 'Hookgate stored /context-menu-user-2.', flags: 64 },
    });
  });
});
