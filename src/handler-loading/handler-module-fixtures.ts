import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the decorator lives, for the JavaScript modules the tests write. */
const DECORATOR = join(__dirname, '..', 'dispatch', 'on-webhook.decorator');

/**
 * A temp folder of JavaScript handler modules written the way `tsc` compiles decorators, so the
 * loader tests see what a user's built handlers look like.
 */
export class HandlerModuleFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'hookgate-handlers-'));

  write(relativePath: string, body: string): string {
    const path = join(this.dir, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `const { OnWebhook } = require(${JSON.stringify(DECORATOR)});\n${body}\n`);
    return path;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** JavaScript for a class whose `onEvent` method handles `provider`/`pattern`. */
export function handlerClass(
  name: string,
  provider = 'github',
  pattern = 'push',
  options: Record<string, string> = {},
): string {
  return [
    `class ${name} { onEvent(event) { (globalThis.__handled ??= []).push([${JSON.stringify(name)}, event.id]); } }`,
    `OnWebhook(${JSON.stringify(provider)}, ${JSON.stringify(pattern)}, ${JSON.stringify(options)})` +
      `(${name}.prototype, 'onEvent', Object.getOwnPropertyDescriptor(${name}.prototype, 'onEvent'));`,
    `exports.${name} = ${name};`,
  ].join('\n');
}

/** JavaScript recording constructor parameter types as `emitDecoratorMetadata` does. */
export function paramTypes(name: string, types: string[]): string {
  return `Reflect.defineMetadata('design:paramtypes', [${types.join(', ')}], ${name});`;
}
