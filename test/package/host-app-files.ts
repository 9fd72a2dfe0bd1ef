import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './offline-install';

/** The versions this project builds with, so the app installs from the same local cache. */
function ownVersions(names: string[]): Record<string, string> {
  const { devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return Object.fromEntries(names.map((name) => [name, devDependencies[name]]));
}

const APP_MODULE = `import { Body, Controller, Module, Post } from '@nestjs/common';
import { HookgateModule } from 'hookgate';
import { PushRecorder } from './push.recorder';

@Controller()
class EchoController {
  @Post('echo')
  echo(@Body() body: unknown) {
    return { received: body };
  }
}

@Module({
  imports: [
    HookgateModule.forRoot({
      database: { url: 'sqlite::memory:' },
      http: { maxBodyBytes: 2 * 1024 * 1024 },
      endpoints: [{ provider: 'github', id: 'acme', secrets: [process.env.GITHUB_SECRET ?? ''] }],
    }),
  ],
  controllers: [EchoController],
  providers: [PushRecorder],
})
export class AppModule {}
`;

const HANDLER = `import { Injectable } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { OnWebhook, type GithubEvent } from 'hookgate';

@Injectable()
export class PushRecorder {
  @OnWebhook('github', 'push')
  record(event: GithubEvent<'push'>): void {
    const padding = (event.payload as unknown as { padding: string }).padding;
    writeFileSync(process.env.HANDLED_FILE ?? 'handled.json', JSON.stringify({ id: event.id, ref: event.payload.ref, padding: padding.length }));
  }
}
`;

const MAIN = `import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  console.log('host app listening');
}
void main();
`;

const TSCONFIG = {
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
};

/**
 * A minimal Nest 11 app, as `nest new` makes one: default body parsing, a JSON route of its
 * own, Hookgate imported with one GitHub endpoint and a handler class declared in the app.
 */
export function writeHostApp(dir: string, tarball: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify(
      {
        name: 'host-app',
        version: '1.0.0',
        private: true,
        dependencies: {
          hookgate: `file:${tarball}`,
          ...ownVersions([
            '@nestjs/common',
            '@nestjs/core',
            '@nestjs/platform-express',
            'reflect-metadata',
            'rxjs',
          ]),
        },
        devDependencies: ownVersions(['typescript', '@types/node']),
      },
      null,
      2,
    ),
    'tsconfig.json': JSON.stringify(TSCONFIG, null, 2),
    'src/app.module.ts': APP_MODULE,
    'src/push.recorder.ts': HANDLER,
    'src/main.ts': MAIN,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
