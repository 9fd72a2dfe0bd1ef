/** The files `hookgate init` writes, as text. Kept apart from the writing so both stay short. */

export interface TemplateValues {
  /** The project's npm name. */
  name: string;
  /** How the project depends on hookgate (a version range, or a tarball path in tests). */
  hookgateSpec: string;
}

export function packageJson({ name, hookgateSpec }: TemplateValues): string {
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    scripts: {
      build: 'tsc -p tsconfig.json',
      prestart: 'npm run build',
      start: 'hookgate start --config hookgate.yaml',
    },
    dependencies: {
      hookgate: hookgateSpec,
      '@nestjs/common': '^11.0.0',
      '@nestjs/core': '^11.0.0',
      '@nestjs/platform-express': '^11.0.0',
      'reflect-metadata': '^0.2.0',
      rxjs: '^7.8.0',
    },
    devDependencies: { typescript: '^5.9.0', '@types/node': '^20.19.0' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      module: 'commonjs',
      target: 'ES2022',
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      skipLibCheck: true,
      outDir: 'dist',
      rootDir: 'src',
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

export const CONFIG_YAML = `# Hookgate's configuration: every key is described in Hookgate's docs/configuration.md.
# \${NAME} is read from the environment at start-up; a missing variable stops start-up.
port: 3000
database:
  url: sqlite:./data/hookgate.sqlite
admin:
  # Bearer token for the admin API and the CLI (16+ characters).
  token: \${HOOKGATE_ADMIN_TOKEN}
# Your handler classes, compiled by \`npm run build\` (paths and globs relative to this file).
handlers:
  - ./dist/handlers/*.js
endpoints:
  # Deliveries arrive at POST /webhooks/github/main.
  - provider: github
    id: main
    secrets: ['\${GITHUB_WEBHOOK_SECRET}']
`;

export const HANDLER = `import { Injectable, Logger } from '@nestjs/common';
import { OnWebhook, type GithubEvent } from 'hookgate';

/** Runs for every GitHub push the gateway has verified and stored. */
@Injectable()
export class GithubPushHandler {
  private readonly logger = new Logger(GithubPushHandler.name);

  @OnWebhook('github', 'push')
  onPush(event: GithubEvent<'push'>): void {
    // Payloads come from outside: read them defensively.
    const repository = event.payload.repository?.full_name ?? 'an unknown repository';
    this.logger.log(\`push to \${repository} \${event.payload.ref} (delivery \${event.id})\`);
  }
}
`;

export const GITIGNORE = `node_modules/
dist/
data/
.env
`;

export function readme({ name }: TemplateValues): string {
  return `# ${name}

A self-hosted Hookgate webhook gateway with its own handlers.

## Start

\`\`\`sh
npm install
export HOOKGATE_ADMIN_TOKEN=$(openssl rand -hex 24)
export GITHUB_WEBHOOK_SECRET=$(openssl rand -hex 24)
npm start
\`\`\`

\`npm start\` compiles \`src/\` and starts the gateway on port 3000 with \`hookgate.yaml\`.
Point a GitHub webhook at \`https://<your host>/webhooks/github/main\` with the same secret,
or send a signed test delivery:

\`\`\`sh
npx hookgate send github push --url http://localhost:3000/webhooks/github/main --secret "$GITHUB_WEBHOOK_SECRET"
\`\`\`

## Handlers

\`src/handlers/github-push.handler.ts\` runs for every verified GitHub push. Add classes with
\`@OnWebhook(provider, type)\` methods under \`src/handlers/\`: the gateway loads every
compiled file that \`handlers:\` in \`hookgate.yaml\` names. A handler that throws is retried.

## Endpoints

Add providers under \`endpoints:\` in \`hookgate.yaml\`; \`npx hookgate providers\` lists them.
`;
}
