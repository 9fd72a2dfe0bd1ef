import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { initProject, InitError } from '.';

describe('initProject', () => {
  let parent: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'hookgate-init-'));
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('writes a gateway project: package, config, one handler with its build, README', () => {
    const dir = join(parent, 'My Gateway');
    const result = initProject(dir, { hookgateSpec: 'file:../hookgate-0.1.0.tgz' });
    expect(result.files.sort()).toEqual(
      [
        '.gitignore',
        'README.md',
        'hookgate.yaml',
        'package.json',
        'src/handlers/github-push.handler.ts',
        'tsconfig.json',
      ].sort(),
    );
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: 'my-gateway',
      private: true,
      scripts: { build: 'tsc -p tsconfig.json', start: 'hookgate start --config hookgate.yaml' },
      dependencies: { hookgate: 'file:../hookgate-0.1.0.tgz' },
      devDependencies: { typescript: expect.any(String) },
    });
    expect(pkg.scripts.prestart).toBe('npm run build');
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
  });

  it('configures one endpoint, the admin token from the environment and the compiled handlers', () => {
    initProject(join(parent, 'gw'));
    const config = parseYaml(readFileSync(join(parent, 'gw', 'hookgate.yaml'), 'utf8'));
    expect(config).toMatchObject({
      admin: { token: '${HOOKGATE_ADMIN_TOKEN}' },
      handlers: ['./dist/handlers/*.js'],
      endpoints: [{ provider: 'github', id: 'main', secrets: ['${GITHUB_WEBHOOK_SECRET}'] }],
    });
    const handler = readFileSync(join(parent, 'gw', 'src/handlers/github-push.handler.ts'), 'utf8');
    expect(handler).toContain("from 'hookgate'");
    expect(handler).toContain("@OnWebhook('github', 'push')");
  });

  it('depends on this version of hookgate by default', () => {
    initProject(join(parent, 'gw'));
    const own = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(parent, 'gw', 'package.json'), 'utf8'));
    expect(pkg.dependencies.hookgate).toBe(`^${own.version}`);
  });

  it('uses an existing empty folder', () => {
    const dir = join(parent, 'empty');
    mkdirSync(dir);
    expect(initProject(dir).dir).toBe(dir);
  });

  it('refuses a folder that has anything in it, and writes nothing there', () => {
    const dir = join(parent, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => initProject(dir)).toThrow(InitError);
    expect(() => initProject(dir)).toThrow(`${dir} is not empty; choose a new or empty folder.`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
