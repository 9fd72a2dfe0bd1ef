import type { FactoryProvider } from '@nestjs/common';
import { join } from 'node:path';
import { ConfigError, type LoadedConfig, validateConfig } from '../config/config.loader';
import { RECEIVERS } from '../receivers/receivers';
import { DeliveryQueries } from '../store/delivery.queries';
import { configuredHandlers, ConfiguredHandlersCheck } from './configured-handlers';
import { HandlerModuleFolder, handlerClass, paramTypes } from './handler-module-fixtures';

/** Exports what the dependency test injects, as HookgateModule does (injectable-tokens.spec.ts). */
const HOOKGATE_STAND_IN = { module: class HookgateStandIn {}, exports: [DeliveryQueries] };

describe('handlers from the config', () => {
  let folder: HandlerModuleFolder;
  const config = validateConfig({
    database: { url: 'sqlite::memory:' },
    endpoints: [{ provider: 'github', id: 'acme', secrets: ['s'] }],
  });

  beforeEach(() => (folder = new HandlerModuleFolder()));
  afterEach(() => folder.remove());

  function load(patterns: string[]) {
    const loaded: LoadedConfig = {
      config,
      source: join(folder.dir, 'hookgate.yaml'),
      isDemo: false,
    };
    return configuredHandlers(loaded, patterns, [HOOKGATE_STAND_IN], RECEIVERS);
  }

  function handlerNames(providers: ReturnType<typeof load>): string[] {
    return providers
      .filter((p) => (p as FactoryProvider).provide !== ConfiguredHandlersCheck)
      .map((p) => ((p as FactoryProvider).provide as { name: string }).name);
  }

  function failure(patterns: string[]): string {
    try {
      load(patterns);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  }

  it('registers a valid handler class, relative to the config folder', () => {
    folder.write('handlers/push.js', handlerClass('PushRecorder'));
    expect(handlerNames(load(['./handlers/push.js']))).toEqual(['PushRecorder']);
  });

  it('registers several classes of one file, found by a glob', () => {
    folder.write(
      'handlers/a.js',
      handlerClass('First') + '\n' + handlerClass('Second', 'stripe', '*'),
    );
    folder.write('handlers/b.js', handlerClass('Third'));
    expect(handlerNames(load(['handlers/*.js']))).toEqual(['First', 'Second', 'Third']);
  });

  it('ignores exports that are not handler classes', () => {
    folder.write(
      'mixed.js',
      [
        handlerClass('Handler'),
        'class Helper { run() {} }',
        'exports.Helper = Helper;',
        'exports.LIMIT = 3;',
      ].join('\n'),
    );
    expect(handlerNames(load(['mixed.js']))).toEqual(['Handler']);
  });

  it("injects Hookgate's exported services and registers plain classes the constructor needs", () => {
    const queriesModule = join(__dirname, '..', 'store', 'delivery.queries');
    folder.write(
      'with-deps.js',
      [
        `const { DeliveryQueries } = require(${JSON.stringify(queriesModule)});`,
        'class Mailer {}',
        handlerClass('Notifier'),
        paramTypes('Notifier', ['Mailer', 'DeliveryQueries']),
      ].join('\n'),
    );
    const providers = load(['with-deps.js']) as FactoryProvider[];
    expect(handlerNames(providers)).toEqual(['Mailer', 'Notifier']);
    const notifier = providers.find((p) => (p.provide as { name: string }).name === 'Notifier')!;
    const [mailer, queries] = notifier.inject as { token: unknown }[];
    expect((mailer.token as { name: string }).name).toBe('Mailer');
    expect(queries.token).toBe(DeliveryQueries);
  });

  it('names file and class when a constructor parameter cannot be injected', () => {
    const file = folder.write(
      'bad-dep.js',
      handlerClass('NeedsInterface') + '\n' + paramTypes('NeedsInterface', ['Object']),
    );
    expect(failure(['bad-dep.js'])).toMatch(
      /class NeedsInterface in .*bad-dep\.js: constructor parameter 1 \(an interface or object type\) cannot be injected/,
    );
    expect(failure(['bad-dep.js'])).toContain(file);
  });

  it('names file and line of a syntax error', () => {
    const file = folder.write('broken.js', 'class Broken {\n  onEvent( {\n}');
    expect(failure(['broken.js'])).toMatch(
      // Under jest the position is not in the stack; the process test checks the line.
      new RegExp(`^Cannot load the handler module ${file}( \\(line \\d+\\))?: SyntaxError`),
    );
  });

  it('stops on a missing file and on a glob that matches nothing', () => {
    expect(failure(['./nowhere.js'])).toMatch(
      /handlers\[0\] "\.\/nowhere\.js": no such file .*nowhere\.js/,
    );
    folder.write('a.js', handlerClass('A'));
    expect(failure(['a.js', 'lib/*.js'])).toMatch(
      /handlers\[1\] "lib\/\*\.js" matches no file in /,
    );
  });

  it('refuses TypeScript sources and asks for the build', () => {
    folder.write('h.ts', handlerClass('Typed'));
    expect(failure(['*.ts'])).toMatch(/h\.ts is TypeScript; build your handlers \(tsc\)/);
  });

  it('runs no handler code for an empty list', () => {
    expect(load([])).toEqual([]);
  });

  it('stops when no listed module exports a handler class', () => {
    folder.write('util.js', 'exports.helper = () => 1;');
    expect(failure(['util.js'])).toMatch(/none exports a class with @OnWebhook methods/);
  });

  it('names the file when a handler filters on an endpoint that does not exist', () => {
    const file = folder.write(
      'ep.js',
      handlerClass('Elsewhere', 'github', 'push', { endpoint: 'nope' }),
    );
    expect(failure(['ep.js'])).toBe(
      `Handler Elsewhere.onEvent in ${file}: no github endpoint "nope" is configured. Fix its @OnWebhook, or the config's endpoints.`,
    );
  });

  it('names the class and member when @OnWebhook is not on a method', () => {
    const file = folder.write(
      'field.js',
      "class Field {}\nOnWebhook('github', 'push')(Field.prototype, 'target', undefined);\nexports.Field = Field;",
    );
    expect(failure(['field.js'])).toMatch(
      new RegExp(`${file}.*is on Field\\.target, which is not a method`),
    );
  });

  it('stops start-up, naming file and class, when a handler constructor throws', () => {
    const file = folder.write(
      'throws.js',
      handlerClass('Fragile') +
        "\nclass Mailer { constructor() { throw new Error('SMTP_URL is not set'); } }" +
        "\nReflect.defineMetadata('design:paramtypes', [Mailer], Fragile);",
    );
    const providers = load(['throws.js']) as FactoryProvider[];
    const check = providers.find((p) => p.provide === ConfiguredHandlersCheck) as unknown as {
      useValue: ConfiguredHandlersCheck;
    };
    expect(() => check.useValue.onModuleInit()).not.toThrow();
    const mailer = providers.find((p) => (p.provide as { name: string }).name === 'Mailer')!;
    expect(mailer.useFactory()).toEqual({});
    expect(() => check.useValue.onModuleInit()).toThrow(
      `Handler class Fragile → Mailer in ${file}: its constructor threw Error: SMTP_URL is not set`,
    );
  });
});
