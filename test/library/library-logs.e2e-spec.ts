import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { HookgateModule } from '../../src/hookgate.module';
import { githubHeaders } from '../helpers/github';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { testDatabaseUrl } from '../helpers/test-app';

const SECRET = 'library-logs-github-secret';

/** Nest's console logger, writing into memory instead of stdout. */
class CapturedConsoleLogger extends ConsoleLogger {
  readonly printed: string[] = [];

  protected override printMessages(...args: Parameters<ConsoleLogger['printMessages']>): void {
    const [messages, context, logLevel] = args;
    for (const message of messages) {
      this.printed.push(`${logLevel} [${context}] ${this.stringifyMessage(message, logLevel!)}`);
    }
  }
}

/**
 * In a host app with Nest's own console logger (no pino), each delivery is still one line that
 * names the delivery, with the route's context, not an object printed over several lines.
 */
describe('HookgateModule in a host app with the console logger', () => {
  const logger = new CapturedConsoleLogger({ colors: false });
  let app: INestApplication;

  beforeAll(async () => {
    const url = testDatabaseUrl();
    const moduleRef = await Test.createTestingModule({
      imports: [
        HookgateModule.forRoot({
          database: { url: isPostgresUrl(url) ? await isolatedSchemaUrl(url) : url },
          endpoints: [{ provider: 'github', id: 'acme', secrets: [SECRET] }],
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger });
    await app.init();
  });
  afterAll(() => app.close());

  it('logs one line per delivery with its id and outcome', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', commits: [] });
    const ack = await request(app.getHttpServer())
      .post('/webhooks/github/acme')
      .set(githubHeaders(SECRET, body, 'push', 'library-logs-1'))
      .serialize((data: unknown) => data as string)
      .send(Buffer.from(body))
      .expect(200);
    const delivery = logger.printed.filter((line) => line.includes(ack.body.id));
    expect(delivery).toHaveLength(1);
    expect(delivery[0]).toMatch(
      new RegExp(
        `^log \\[Webhooks\\] accepted POST /webhooks/github/acme reqId=\\S+ deliveryId=${ack.body.id} ` +
          'provider=github endpoint=acme outcome=accepted durationMs=\\d+$',
      ),
    );
    expect(delivery[0]).not.toContain('\n');
  });
});
