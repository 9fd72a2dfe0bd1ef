import { Injectable, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { HookgateModule, OnWebhook, type WebhookEvent } from '../../src/index';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { SLACK_REPLY_SECRET, slashCommand } from '../helpers/slash-commands';
import { testDatabaseUrl } from '../helpers/test-app';

/** A service of the host's own, injected into its reply handler. */
@Injectable()
class Greeter {
  greet(text: string): string {
    return `Hello, ${text}!`;
  }
}

@Injectable()
class HostCommands {
  constructor(private readonly greeter: Greeter) {}

  @OnWebhook('slack', 'slash_command', { reply: true })
  onCommand(event: WebhookEvent<{ text: string }>) {
    return { text: this.greeter.greet(event.payload.text) };
  }
}

@Module({ providers: [Greeter, HostCommands] })
class HostFeatureModule {}

/**
 * HookgateModule inside someone else's Nest app, with its body parsers on: the host's own
 * handler classes reply to the provider, as in the ready gateway. Both engines.
 */
describe('HookgateModule in a host app: reply handlers', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const url = testDatabaseUrl();
    const database = { url: isPostgresUrl(url) ? await isolatedSchemaUrl(url) : url };
    const moduleRef = await Test.createTestingModule({
      imports: [
        HookgateModule.forRoot({
          database,
          endpoints: [{ provider: 'slack', id: 'team', secrets: [SLACK_REPLY_SECRET] }],
        }),
        HostFeatureModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['fatal'] }); // default body parsing
    await app.init();
  });
  afterAll(() => app.close());

  it("answers a slash command with the host handler's reply", async () => {
    const { headers, body } = slashCommand('T-host-1', 'host', new Date());
    const res = await request(app.getHttpServer())
      .post('/webhooks/slack/team')
      .set(headers)
      .serialize((data: unknown) => data as string)
      .send(body);
    expect(res.status).toBe(200);
    expect(res.text).toBe(JSON.stringify({ text: 'Hello, host!' }));
    expect(res.headers['x-hookgate-duplicate']).toBe('false');
  });
});
