import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Compile the gateway once for process-level tests, into a folder of this test run's own (so
 * parallel runs and `npm run build` never trip over each other). Returns the main.js path.
 */
export function buildGateway(): { main: string; cleanup: () => void } {
  const outDir = join(ROOT, '.test-build', `gateway-${process.pid}-${Date.now()}`);
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  return {
    main: join(outDir, 'main.js'),
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface GatewayProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code, or the signal's name when a signal ended the process. */
  exited: Promise<number | string | null>;
}

export function startGateway(
  main: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): GatewayProcess {
  const child = spawn(process.execPath, [main, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, output: () => output, exited };
}

/** Poll /health until the gateway answers 200, or fail with its output. */
export async function waitUntilHealthy(
  gateway: GatewayProcess,
  port: number,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gateway.child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The gateway did not become healthy:\n${gateway.output()}`);
}

/** What a describe block of process-level tests shares (see gatewayProcessSuite). */
export interface GatewayProcessSuite {
  /** A folder of the block's own, for config and SQLite files (set in beforeAll). */
  dir: string;
  /** The built gateway's main.js (set in beforeAll); its folder holds the whole build. */
  main: string;
  /** Start the built gateway with `env` added; it is SIGKILLed after the block if still running. */
  start(env: Record<string, string>): GatewayProcess;
  /**
   * A module of the built gateway (`dispatch/on-webhook.decorator.js`), for handler modules a
   * test writes: they must mark their classes with the gateway's own decorator.
   */
  built(relativePath: string): string;
}

/**
 * Call inside a describe block: builds the gateway once and makes a temp folder before the
 * block's tests, and afterwards kills every process started through `start` and removes both.
 */
export function gatewayProcessSuite(folderPrefix: string): GatewayProcessSuite {
  let build: ReturnType<typeof buildGateway> | undefined;
  const running: GatewayProcess[] = [];
  const suite: GatewayProcessSuite = {
    dir: '',
    main: '',
    start(env) {
      if (!build) throw new Error('gatewayProcessSuite: the gateway is not built yet (beforeAll)');
      const gateway = startGateway(build.main, env);
      running.push(gateway);
      return gateway;
    },
    built(relativePath) {
      if (!build) throw new Error('gatewayProcessSuite: the gateway is not built yet (beforeAll)');
      return join(dirname(build.main), relativePath);
    },
  };
  beforeAll(() => {
    build = buildGateway();
    suite.main = build.main;
    suite.dir = mkdtempSync(join(tmpdir(), folderPrefix));
  }, 120_000);
  afterAll(async () => {
    for (const gateway of running) gateway.child.kill('SIGKILL');
    await Promise.all(running.map((gateway) => gateway.exited));
    build?.cleanup();
    if (suite.dir) rmSync(suite.dir, { recursive: true, force: true });
  }, 60_000);
  return suite;
}

/**
 * A handler module for the built gateway that runs once, doing nothing, per GitHub push: the
 * stand-in handler of process-level tests (list it under the config's `handlers`). It takes the
 * decorator from the same build, as a user's module takes it from the installed package.
 */
export function writeNoopPushHandler(suite: GatewayProcessSuite, name = 'noop-push.js'): string {
  const decorator = join(dirname(suite.main), 'dispatch', 'on-webhook.decorator.js');
  const path = join(suite.dir, name);
  writeFileSync(
    path,
    [
      `const { OnWebhook } = require(${JSON.stringify(decorator)});`,
      'class NoopPush { onPush() {} }',
      "OnWebhook('github', 'push', { name: 'noop-push' })(NoopPush.prototype, 'onPush',",
      "  Object.getOwnPropertyDescriptor(NoopPush.prototype, 'onPush'));",
      'exports.NoopPush = NoopPush;',
    ].join('\n'),
  );
  return path;
}
