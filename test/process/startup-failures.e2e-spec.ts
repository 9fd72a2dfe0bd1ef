import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { Database } from 'sqlite3';
import {
  freePort,
  gatewayProcessSuite,
  startGateway,
  type GatewayProcess,
} from '../helpers/gateway-process';

type Line = { level: number; msg: string; reason?: string; exitCode?: number; context?: string };

/**
 * Every reason the built gateway cannot start is one line that says what to do, in the log's
 * format (JSON in production, pretty elsewhere), and a documented exit code; never a stack.
 */
describe('start-up failures', () => {
  const suite = gatewayProcessSuite('hookgate-startup-');
  const file = (name: string, text: string) => {
    const path = join(suite.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const config = (name: string, lines: string[]) =>
    file(
      name,
      [`database: { url: "sqlite:${join(suite.dir, `${name}.sqlite`)}" }`, ...lines].join('\n'),
    );
  const GITHUB =
    'endpoints: [{ provider: github, id: main, secrets: ["startup-test-secret-0123"] }]';

  /** The process's JSON lines; every line of its output must be one. */
  function jsonLines(gateway: GatewayProcess): Line[] {
    return gateway
      .output()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  }

  /** Exits with `code`, having logged exactly one error line (level 50), and no stack. */
  async function expectOneJsonFailure(gateway: GatewayProcess, code: number): Promise<Line> {
    expect(await gateway.exited).toBe(code);
    expect(gateway.output()).not.toMatch(/^\s+at /m);
    const errors = jsonLines(gateway).filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ context: 'Hookgate', exitCode: code });
    return errors[0];
  }

  const production = (env: Record<string, string>) =>
    suite.start({ NODE_ENV: 'production', ...env });

  it('config (production): one JSON line naming the field, exit 78', async () => {
    const gateway = production({ HOOKGATE_CONFIG: config('bad-port.yaml', ['port: -1', GITHUB]) });
    const line = await expectOneJsonFailure(gateway, 78);
    expect(line).toMatchObject({
      reason: 'config',
      msg: expect.stringMatching(/^The config is invalid: port must not be less than 0/),
    });
  });

  it('config (development): one pretty line, not JSON, exit 78', async () => {
    const gateway = suite.start({
      HOOKGATE_CONFIG: config('unknown-provider.yaml', [
        'endpoints: [{ provider: myspace, id: a, secrets: [s] }]',
      ]),
    });
    expect(await gateway.exited).toBe(78);
    const errors = gateway
      .output()
      .split('\n')
      .filter((line) => line.includes('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('endpoints[0].provider "myspace" is not a known provider');
    expect(errors[0].trimStart().startsWith('{')).toBe(false);
    expect(gateway.output()).not.toMatch(/^\s+at /m);
  });

  it('a handler class that names no configured endpoint: one line, exit 78', async () => {
    const decorator = join(dirname(suite.main), 'dispatch', 'on-webhook.decorator.js');
    file(
      'handler-class.js',
      [
        `const { OnWebhook } = require(${JSON.stringify(decorator)});`,
        'class Orphan { onPush() {} }',
        "OnWebhook('github', 'push', { endpoint: 'nope' })(Orphan.prototype, 'onPush',",
        "  Object.getOwnPropertyDescriptor(Orphan.prototype, 'onPush'));",
        'exports.Orphan = Orphan;',
      ].join('\n'),
    );
    const gateway = production({
      HOOKGATE_CONFIG: config('handler-class.yaml', [GITHUB, 'handlers: ["./handler-class.js"]']),
    });
    const line = await expectOneJsonFailure(gateway, 78);
    expect(line.reason).toBe('handlers');
    expect(line.msg).toContain('Handler Orphan.onPush in');
    expect(line.msg).toContain('no github endpoint "nope" is configured');
  });

  it('a handler module that does not load: one line naming file and line, exit 78', async () => {
    const module = file('broken-module.js', 'const ok = 1;\nconst broken = ;\n');
    const gateway = production({
      HOOKGATE_CONFIG: config('broken-module.yaml', [GITHUB, 'handlers: ["./broken-module.js"]']),
    });
    const line = await expectOneJsonFailure(gateway, 78);
    expect(line).toMatchObject({ reason: 'handlers' });
    expect(line.msg).toContain(`Cannot load the handler module ${module} (line 2): SyntaxError`);
  });

  async function holdPort(): Promise<{ port: number; server: Server }> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    return { port: (server.address() as { port: number }).port, server };
  }

  it('a port in use: one line that says what to do, exit 69', async () => {
    const { port, server } = await holdPort();
    try {
      const gateway = production({
        HOOKGATE_CONFIG: config('port.yaml', [GITHUB]),
        PORT: String(port),
      });
      const line = await expectOneJsonFailure(gateway, 69);
      expect(line).toMatchObject({
        reason: 'port-in-use',
        msg: `Port ${port} is already in use: stop what listens there, or set PORT (or port: in the config) to a free port.`,
      });
    } finally {
      server.close();
    }
  });

  it('hookgate start fails the same way as node dist/main.js', async () => {
    const { port, server } = await holdPort();
    try {
      const cli = startGateway(
        join(dirname(suite.main), 'cli', 'main.js'),
        {
          NODE_ENV: 'production',
          HOOKGATE_CONFIG: config('cli.yaml', [GITHUB]),
          PORT: String(port),
        },
        ['start'],
      );
      const line = await expectOneJsonFailure(cli, 69);
      expect(line.reason).toBe('port-in-use');
      expect(cli.output()).not.toContain('hookgate:');
    } finally {
      server.close();
    }
  });

  it('a store that does not answer: retried, then one line without the password, exit 69', async () => {
    const port = await freePort(); // nothing listens there
    const gateway = production({
      HOOKGATE_CONFIG: config('store.yaml', [GITHUB]),
      DATABASE_URL: `postgres://hookgate:db-password-xyz@127.0.0.1:${port}/hookgate`,
    });
    const line = await expectOneJsonFailure(gateway, 69);
    expect(line.reason).toBe('store-unreachable');
    expect(line.msg).toMatch(
      new RegExp(
        `^Cannot reach the store at postgres://hookgate:\\*\\*\\*@127\\.0\\.0\\.1:${port}/hookgate: .*ECONNREFUSED`,
      ),
    );
    expect(line.msg).toContain(
      'Start the database, or fix database.url (DATABASE_URL overrides it).',
    );
    expect(gateway.output()).not.toContain('db-password-xyz');
  }, 30_000);

  it('a migration that fails: one line, everything rolled back, exit 70', async () => {
    // A store some other program made: a "deliveries" table the first migration cannot create.
    const path = join(suite.dir, 'foreign.sqlite');
    await new Promise<void>((resolve, reject) => {
      const db = new Database(path);
      db.exec('CREATE TABLE "deliveries" ("x" integer)', (error) =>
        db.close(() => (error ? reject(error) : resolve())),
      );
    });
    const gateway = production({
      HOOKGATE_CONFIG: file(
        'migrate.yaml',
        [`database: { url: "sqlite:${path}" }`, GITHUB].join('\n'),
      ),
    });
    const line = await expectOneJsonFailure(gateway, 70);
    expect(line.reason).toBe('migrations');
    expect(line.msg).toMatch(
      /^Migrating the store failed \(pending: InitialSchema1764201600000, .*; all rolled back\): .*deliveries.*already exists/,
    );
    expect(line.msg).toContain('restore the store from its backup (docs/upgrading.md)');
  });
});
