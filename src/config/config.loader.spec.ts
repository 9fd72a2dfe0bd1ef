import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, validateConfig } from './config.loader';
import { DEMO_ADMIN_TOKEN, DEMO_GITHUB_SECRET } from './dev-config';
import { RECEIVERS } from '../receivers/receivers';

const dir = mkdtempSync(join(tmpdir(), 'hookgate-config-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const minimalYaml = `
endpoints:
  - provider: github
    id: acme
    secrets: ["\${GITHUB_SECRET}", "\${GITHUB_SECRET_OLD}"]
`;

describe('loadConfig', () => {
  it('reads YAML, interpolates ${ENV} and applies the defaults', () => {
    const { config, isDemo, source } = loadConfig({
      HOOKGATE_CONFIG: file('min.yaml', minimalYaml),
      GITHUB_SECRET: 'new-one',
      GITHUB_SECRET_OLD: 'old-one',
    });
    expect(source).toContain('min.yaml');
    expect(isDemo).toBe(false);
    expect(config.endpoints[0].secrets).toEqual(['new-one', 'old-one']);
    expect(config.port).toBe(3000);
    expect(config.database.url).toBe('sqlite:data/hookgate.sqlite');
    expect(config.database.preparedStatements).toBe(true);
    expect(config.http.maxBodyBytes).toBe(25 * 1024 * 1024);
    expect(config.dispatch).toMatchObject({
      concurrency: 8,
      prefetch: 64,
      retry: { maxAttempts: 8, initialDelayMs: 1000, maxDelayMs: 3_600_000 },
    });
    expect(config.admin.token).toBeUndefined();
  });

  it('reads JSON files', () => {
    const path = file(
      'c.json',
      JSON.stringify({ port: 4000, endpoints: [{ provider: 'github', id: 'x', secrets: ['s'] }] }),
    );
    expect(loadConfig({ HOOKGATE_CONFIG: path }).config.port).toBe(4000);
  });

  it('lets PORT and DATABASE_URL override the file', () => {
    const path = file(
      'o.yaml',
      'port: 1\ndatabase: { url: "sqlite:a.db" }\nendpoints: [{ provider: github, id: a, secrets: [s] }]',
    );
    const { config } = loadConfig({
      HOOKGATE_CONFIG: path,
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@h:5432/d',
    });
    expect(config.port).toBe(8080);
    expect(config.database.url).toBe('postgres://u:p@h:5432/d');
  });

  it('names a missing environment variable and where it is used', () => {
    expect(() =>
      loadConfig({ HOOKGATE_CONFIG: file('m.yaml', minimalYaml), GITHUB_SECRET: 'x' }),
    ).toThrow(/GITHUB_SECRET_OLD is not set \(used at endpoints\[0\]\.secrets\[1\]\)/);
  });

  it('keeps $${NAME} as a literal', () => {
    const path = file(
      'l.yaml',
      'endpoints: [{ provider: github, id: a, secrets: ["$${NOT_EXPANDED}"] }]',
    );
    expect(loadConfig({ HOOKGATE_CONFIG: path }).config.endpoints[0].secrets).toEqual([
      '${NOT_EXPANDED}',
    ]);
  });

  it('uses the development config outside production and says so', () => {
    const loaded = loadConfig({});
    expect(loaded.isDemo).toBe(true);
    expect(loaded.config.endpoints[0].secrets).toEqual([DEMO_GITHUB_SECRET]);
    expect(loaded.config.admin.token).toBe(DEMO_ADMIN_TOKEN);
  });

  it('refuses to start in production without a config file', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HOOKGATE_CONFIG is not set/);
  });

  it('refuses demo secrets in production, even from a file', () => {
    const path = file(
      'demo.yaml',
      `endpoints: [{ provider: github, id: a, secrets: [${DEMO_GITHUB_SECRET}] }]`,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', HOOKGATE_CONFIG: path })).toThrow(
      /demo secret/,
    );
    expect(loadConfig({ HOOKGATE_CONFIG: path }).isDemo).toBe(true);
  });

  it('reports unreadable and unparsable files', () => {
    expect(() => loadConfig({ HOOKGATE_CONFIG: join(dir, 'absent.yaml') })).toThrow(
      /Cannot read the config file/,
    );
    expect(() => loadConfig({ HOOKGATE_CONFIG: file('bad.yaml', 'endpoints: [unclosed') })).toThrow(
      /Cannot parse/,
    );
    expect(() => loadConfig({ HOOKGATE_CONFIG: file('bad.json', '{"endpoints": ') })).toThrow(
      /Cannot parse/,
    );
    expect(() => loadConfig({ HOOKGATE_CONFIG: file('list.yaml', '- a\n- b') })).toThrow(
      /top level must be a mapping/,
    );
  });
});

describe('validateConfig names the bad field', () => {
  const endpoint = { provider: 'github', id: 'acme', secrets: ['s'] };
  it.each([
    ['no endpoints', {}, /endpoints/],
    ['empty endpoints', { endpoints: [] }, /endpoints must list at least one endpoint/],
    ['a bad port', { port: 'eighty', endpoints: [endpoint] }, /port/],
    [
      'a bad database url',
      { database: { url: 'mysql://x' }, endpoints: [endpoint] },
      /database\.url/,
    ],
    [
      'preparedStatements that is not a boolean',
      { database: { preparedStatements: 'no' }, endpoints: [endpoint] },
      /database\.preparedStatements/,
    ],
    [
      'an unknown provider',
      { endpoints: [{ ...endpoint, provider: 'myspace' }] },
      /endpoints\[0\]\.provider "myspace" is not a known provider/,
    ],
    [
      'a bad endpoint id',
      { endpoints: [endpoint, { ...endpoint, id: 'a/b' }] },
      /endpoints\[1\]\.id/,
    ],
    [
      'a duplicate endpoint id',
      { endpoints: [endpoint, endpoint] },
      /endpoints\[1\]\.id "acme" is already used by endpoints\[0\]/,
    ],
    [
      'no secrets',
      { endpoints: [{ ...endpoint, secrets: [] }] },
      /endpoints\[0\]\.secrets must list at least one secret/,
    ],
    ['an empty secret', { endpoints: [{ ...endpoint, secrets: [''] }] }, /endpoints\[0\]\.secrets/],
    [
      'a bad provider option',
      { endpoints: [{ ...endpoint, options: { allowSha1: 'yes' } }] },
      /endpoints\[0\]\.options\.allowSha1/,
    ],
    ['a short admin token', { admin: { token: 'short' }, endpoints: [endpoint] }, /admin\.token/],
    [
      'a bad retry setting',
      { dispatch: { retry: { maxAttempts: 0 } }, endpoints: [endpoint] },
      /dispatch\.retry\.maxAttempts/,
    ],
    [
      'a bad forward url',
      { endpoints: [{ ...endpoint, forward: [{ url: 'not a url' }] }] },
      /endpoints\[0\]\.forward\[0\]\.url/,
    ],
    ['a typo in a setting name', { endpoints: [endpoint], dispatchh: {} }, /dispatchh/],
  ])('%s', (_case, plain, message) => {
    expect(() => validateConfig(plain)).toThrow(ConfigError);
    expect(() => validateConfig(plain)).toThrow(message);
  });

  it('never echoes secrets in its messages', () => {
    try {
      validateConfig({
        endpoints: [{ provider: 'github', id: 'a b', secrets: ['super-secret-value'] }],
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain('super-secret-value');
    }
  });
});

describe("validateConfig checks each secret by its receiver's rule", () => {
  const refusal = (plain: unknown, receivers?: Parameters<typeof validateConfig>[1]) => {
    try {
      validateConfig(plain, receivers);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it.each([
    ['basic', 'legacy-password-without-colon', /user:password/],
    ['basic', ':password-without-user', /user:password/],
    ['azure-devops', 'devops-password-only', /user:password/],
    ['mailchimp', 'short-code-0123456789', /is 21 characters long.*32 to 128/],
    ['myget', 'x'.repeat(129), /is 129 characters long.*32 to 128/],
  ])('%s refuses the secret %j, naming the endpoint and its index only', (provider, bad, why) => {
    const message = refusal({
      endpoints: [
        { provider: 'github', id: 'gh', secrets: ['github-secret'] },
        {
          provider,
          id: 'p',
          secrets: [
            provider === 'basic' || provider === 'azure-devops' ? 'ok:pass' : 'c'.repeat(32),
            bad,
          ],
        },
      ],
    });
    expect(message).toMatch(/^The config is invalid: endpoints\[1\]\.secrets\[1\] /);
    expect(message).toMatch(why);
    expect(message).not.toContain(bad);
  });

  it('accepts what the rules allow: user:password (colon in the password), 32 and 128 characters', () => {
    expect(() =>
      validateConfig({
        endpoints: [
          { provider: 'basic', id: 'b', secrets: ['legacy:pa:ss'] },
          { provider: 'vsts', id: 'v', secrets: ['hookgate:devops-password'] },
          { provider: 'kudu', id: 'k', secrets: ['k'.repeat(32), 'k'.repeat(128)] },
        ],
      }),
    ).not.toThrow();
  });

  it("cuts a secret out of a receiver's message that quotes it", () => {
    const quoting = { ...RECEIVERS[0], checkSecret: (secret: string) => `"${secret}" is weak` };
    const message = refusal(
      { endpoints: [{ provider: quoting.name, id: 'q', secrets: ['hunter2-hunter2'] }] },
      [quoting],
    );
    expect(message).toBe('The config is invalid: endpoints[0].secrets[0] "[REDACTED]" is weak');
  });
});
