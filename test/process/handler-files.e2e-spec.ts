import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayProcessSuite } from '../helpers/gateway-process';

/** The built gateway refuses a broken handler module the way it refuses a bad config. */
describe('gateway process with handlers from the config', () => {
  const suite = gatewayProcessSuite('hookgate-handler-files-');

  it('exits 78 with one line naming the file and line of a syntax error', async () => {
    const handler = join(suite.dir, 'broken.js');
    writeFileSync(handler, 'const ok = 1;\nconst broken = ;\n');
    const config = join(suite.dir, 'hookgate.yaml');
    writeFileSync(
      config,
      [
        `database: { url: "sqlite:${join(suite.dir, 'broken.sqlite')}" }`,
        'endpoints: [{ provider: github, id: a, secrets: [s] }]',
        'handlers: ["./broken.js"]',
      ].join('\n'),
    );
    const gateway = suite.start({ HOOKGATE_CONFIG: config });
    expect(await gateway.exited).toBe(78);
    const errors = gateway
      .output()
      .split('\n')
      .filter((line) => line.includes('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Cannot load the handler module ${handler} (line 2): SyntaxError`);
    expect(gateway.output()).not.toMatch(/^\s+at /m);
  });
});
