import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HookgateModule } from '../../src/hookgate.module';

/** Keeps warnings, prints nothing. */
class WarningRecorder extends ConsoleLogger {
  readonly warnings: string[] = [];
  override warn(message: unknown): void {
    this.warnings.push(String(message));
  }
  override log(): void {}
}

async function listeningHost(enableShutdownHooks: boolean) {
  const logger = new WarningRecorder();
  const moduleRef = await Test.createTestingModule({
    imports: [
      HookgateModule.forRoot({
        database: { url: 'sqlite::memory:' },
        endpoints: [{ provider: 'github', id: 'acme', secrets: ['shutdown-warning-secret'] }],
      }),
    ],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger });
  if (enableShutdownHooks) app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  return { app, warnings: logger.warnings.filter((w) => w.startsWith('Shutdown hooks are off')) };
}

describe('the shutdown hooks warning in a host app', () => {
  it('is one line when nothing handles SIGTERM', async () => {
    expect(process.listenerCount('SIGTERM')).toBe(0); // the premise of this test
    const { app, warnings } = await listeningHost(false);
    await app.close();
    expect(warnings).toHaveLength(1);
  });

  it('is absent after enableShutdownHooks()', async () => {
    const { app, warnings } = await listeningHost(true);
    await app.close();
    expect(warnings).toEqual([]);
  });
});
