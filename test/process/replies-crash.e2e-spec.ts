import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, gatewayProcessSuite, waitUntilHealthy } from '../helpers/gateway-process';
import { isolatedSchemaUrl } from '../helpers/pg-database';
import { SLACK_REPLY_SECRET, slashCommand } from '../helpers/slash-commands';

const ADMIN = 'replies-crash-admin-token';
/** How long each reply takes to make: senders always have requests inside a handler. */
const REPLY_DELAY_MS = 400;
const REPLY_DEADLINE_MS = 1_500;

interface Page {
  items: { id: string; providerDeliveryId: string; status: string }[];
  nextCursor: string | null;
}

/**
 * The built gateway with a slow reply handler from its config's `handlers`, killed with -9 while
 * slash commands are inside that handler: every command that was answered is stored with the id
 * it was given, and after a restart every stored command's runs finish, the reply runs that
 * were in flight taken over as ordinary runs once their lease expired. The pass's engine: a
 * SQLite file, or a schema of the PostgreSQL pass's database.
 */
describe('gateway process: kill -9 while reply handlers run', () => {
  const suite = gatewayProcessSuite('hookgate-replies-crash-');

  async function databaseUrl(): Promise<string> {
    const pg = process.env.TEST_DATABASE_URL;
    return pg ? isolatedSchemaUrl(pg) : `sqlite:${join(suite.dir, 'replies.sqlite')}`;
  }

  function writeHandlers(): string {
    const path = join(suite.dir, 'replies.js');
    const decorator = JSON.stringify(suite.built('dispatch/on-webhook.decorator.js'));
    writeFileSync(
      path,
      [
        `const { OnWebhook } = require(${decorator});`,
        'class SlowCommands {',
        '  async onCommand(event) {',
        `    await new Promise((resolve) => setTimeout(resolve, ${REPLY_DELAY_MS}));`,
        '    return { text: `done ${event.payload.trigger_id}` };',
        '  }',
        '}',
        "OnWebhook('slack', 'slash_command', { reply: true })(SlowCommands.prototype, 'onCommand',",
        "  Object.getOwnPropertyDescriptor(SlowCommands.prototype, 'onCommand'));",
        'module.exports = { SlowCommands };',
      ].join('\n'),
    );
    return path;
  }

  async function storedCommands(port: number): Promise<Page['items']> {
    const items: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const query = `limit=500${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await fetch(`http://127.0.0.1:${port}/admin/deliveries?${query}`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      const page = (await res.json()) as Page;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('loses no answered command, and finishes the replies it cut off after a restart', async () => {
    const port = await freePort();
    const config = join(suite.dir, 'replies.yaml');
    writeHandlers();
    writeFileSync(
      config,
      [
        `port: ${port}`,
        `database: { url: "${await databaseUrl()}" }`,
        `admin: { token: "${ADMIN}" }`,
        'dispatch: { pollIntervalMs: 100 }',
        'endpoints:',
        `  - { provider: slack, id: cmd, secrets: ["${SLACK_REPLY_SECRET}"], replyDeadlineMs: ${REPLY_DEADLINE_MS} }`,
        'handlers: ["./replies.js"]',
      ].join('\n'),
    );
    const first = suite.start({ HOOKGATE_CONFIG: config });
    await waitUntilHealthy(first, port);

    const answered = new Map<string, string>(); // trigger id -> gateway delivery id
    let sent = 0;
    let killed = false;
    const sender = async (worker: number) => {
      for (let i = 0; !killed; i++) {
        const triggerId = `crash-${worker}-${i}`;
        const { headers, body } = slashCommand(triggerId, 'deploy', new Date());
        sent++;
        let res: Response;
        let text: string;
        try {
          res = await fetch(`http://127.0.0.1:${port}/webhooks/slack/cmd`, {
            method: 'POST',
            headers,
            body,
          });
          text = await res.text();
        } catch {
          if (killed) return;
          continue;
        }
        expect([res.status, text]).toEqual([200, JSON.stringify({ text: `done ${triggerId}` })]);
        answered.set(triggerId, res.headers.get('x-hookgate-delivery-id')!);
      }
    };
    const senders = Array.from({ length: 8 }, (_, w) => sender(w));
    while (answered.size < 40) await new Promise((r) => setTimeout(r, 10));
    // The senders answered last send again at once: kill while those are inside the handler.
    await new Promise((r) => setTimeout(r, REPLY_DELAY_MS / 2));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(senders);

    const second = suite.start({ HOOKGATE_CONFIG: config });
    await waitUntilHealthy(second, port);
    const stored = new Map((await storedCommands(port)).map((d) => [d.providerDeliveryId, d.id]));
    const lost = [...answered].filter(([triggerId, id]) => stored.get(triggerId) !== id);
    const cutOff = [...stored.keys()].filter((triggerId) => !answered.has(triggerId));
    expect(lost).toEqual([]);
    // Commands stored whose reply was being made when the process died.
    expect(cutOff.length).toBeGreaterThan(0);

    const deadline = Date.now() + 60_000;
    let open = (await storedCommands(port)).filter((d) => d.status !== 'succeeded');
    while (open.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      open = (await storedCommands(port)).filter((d) => d.status !== 'succeeded');
    }
    process.stdout.write(
      `kill -9 reply test: sent ${sent}, answered ${answered.size}, stored ${stored.size}, cut off in a reply ${cutOff.length}, unfinished after restart ${open.length}\n`,
    );
    expect(open).toEqual([]);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 120_000);
});
