import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, validateConfig } from './config.loader';
import { secretWarnings } from './secret-checks';
import { RECEIVERS } from '../receivers/receivers';

const WHSEC = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const GOOD: Record<string, string> = {
  github: 'a-github-secret-of-32-characters',
  stripe: 'whsec_a-stripe-signing-secret',
  'standard-webhooks': WHSEC,
  resend: WHSEC,
  clerk: WHSEC,
};

function endpoint(provider: string, secret: string, id = 'main') {
  return { provider, id, secrets: [secret] };
}

/** The config's error for one endpoint's secret, or undefined when it loads. */
function errorOf(provider: string, secret: string): string | undefined {
  try {
    validateConfig({ endpoints: [endpoint(provider, secret)] });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

function warningsOf(...endpoints: ReturnType<typeof endpoint>[]): string[] {
  return secretWarnings(validateConfig({ endpoints }), RECEIVERS);
}

describe('secret checks at start-up', () => {
  it.each(Object.entries(GOOD))('%s: a secret of the right form passes quietly', (p, secret) => {
    expect(errorOf(p, secret)).toBeUndefined();
    expect(warningsOf(endpoint(p, secret))).toEqual([]);
  });

  it.each([
    ['sk_live_51Habcdefghijklmnop', 'a Stripe secret API key (sk_...)'],
    ['rk_test_51Habcdefghijklmnop', 'a Stripe restricted API key (rk_...)'],
    ['pk_live_51Habcdefghijklmnop', 'a Stripe publishable key (pk_...)'],
  ])('stripe: %s is an error that says what it is and where the secret is', (secret, is) => {
    const message = errorOf('stripe', secret)!;
    expect(message).toBe(
      `The config is invalid: endpoints[0].secrets[0] is ${is}, not a webhook signing secret: ` +
        "every delivery would be refused 401. Use the endpoint's signing secret (whsec_...): " +
        'Stripe Dashboard > Developers > Webhooks > the endpoint > Signing secret, or the one ' +
        '`stripe listen` prints.',
    );
    expect(message).not.toContain(secret);
  });

  it('stripe: a secret without whsec_ is a warning', () => {
    expect(warningsOf(endpoint('stripe', 'not-a-whsec-secret'))).toEqual([
      "endpoints[0].secrets[0] does not start with whsec_ as this provider's signing secrets do: " +
        "check it is the endpoint's signing secret (whsec_...): Stripe Dashboard > Developers > " +
        'Webhooks > the endpoint > Signing secret, or the one `stripe listen` prints.',
    ]);
  });

  it.each(['standard-webhooks', 'svix', 'resend', 'clerk'])(
    '%s: a secret that is no base64 key is an error; base64 without whsec_ a warning',
    (provider) => {
      for (const bad of ['whsec_not base64!', 'plain-text-secret']) {
        const message = errorOf(provider, bad)!;
        expect(message).toMatch(/^The config is invalid: endpoints\[0\]\.secrets\[0\] is not a /);
        expect(message).toContain('whsec_ followed by base64');
        expect(message).not.toContain(bad);
      }
      const bare = Buffer.alloc(32, 1).toString('base64');
      expect(errorOf(provider, bare)).toBeUndefined();
      expect(warningsOf(endpoint(provider, bare))).toEqual([
        expect.stringMatching(/^endpoints\[0\]\.secrets\[0\] does not start with whsec_/),
      ]);
    },
  );

  it('github: a short secret is a warning (GitHub documents no minimum), never an error', () => {
    expect(errorOf('github', 'short')).toBeUndefined();
    expect(warningsOf(endpoint('github', 'short'))).toEqual([
      'endpoints[0].secrets[0] is 5 characters long, a weak secret: use at least 16 random ' +
        'characters (e.g. "openssl rand -hex 32") and set the same as the webhook\'s Secret in ' +
        'GitHub (Settings > Webhooks).',
    ]);
    expect(warningsOf(endpoint('github', 'x'.repeat(16)))).toEqual([]);
  });

  it.each(['${github-secret}', 'prefix-${ GITHUB_SECRET }', '${}'])(
    'an unexpanded %s is an error, whatever the provider',
    (secret) => {
      for (const provider of ['github', 'gitlab', 'bitbucket']) {
        expect(errorOf(provider, secret)).toMatch(
          /^The config is invalid: endpoints\[0\]\.secrets\[0\] holds an unexpanded \$\{\.\.\.\}/,
        );
      }
    },
  );

  it('a well-formed ${NAME} is an error when nothing expanded it (HookgateModule.forRoot)', () => {
    expect(errorOf('github', '${GITHUB_SECRET}')).toContain('(variable "GITHUB_SECRET")');
  });

  it('a literal ${NAME} written $${NAME} in a config file is only a warning: it was asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-secret-checks-'));
    try {
      const path = join(dir, 'escaped.yaml');
      writeFileSync(
        path,
        'endpoints: [{ provider: github, id: a, secrets: ["$${LITERAL_SECRET}"] }]',
      );
      const { config } = loadConfig({ HOOKGATE_CONFIG: path });
      expect(secretWarnings(config, RECEIVERS)).toEqual([
        expect.stringMatching(
          /^endpoints\[0\]\.secrets\[0\] is a literal placeholder \(variable LITERAL_SECRET\), written "\$\$\{"/,
        ),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same secret on endpoints of different providers is a warning naming both', () => {
    const shared = 'one-secret-for-two-providers';
    expect(
      warningsOf(endpoint('github', shared), endpoint('gitlab', shared, 'lab')).map((w) =>
        w.includes(shared),
      ),
    ).toEqual([false]);
    expect(warningsOf(endpoint('github', shared), endpoint('gitlab', shared, 'lab'))).toEqual([
      'endpoints[1].secrets[0] (gitlab/lab) is the same secret as endpoints[0].secrets[0] ' +
        '(github/main), an endpoint of another provider: give each provider its own, so that ' +
        'one leaking does not let anyone sign as the other.',
    ]);
    // Two endpoints of one provider may share it (a repository and an organization webhook).
    expect(warningsOf(endpoint('github', shared), endpoint('github', shared, 'org'))).toEqual([]);
  });
});
