import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ConfigError } from '../config/config.loader';

const JAVASCRIPT = ['.js', '.cjs'];
const TYPESCRIPT = ['.ts', '.cts', '.mts'];

/**
 * The files the config's `handlers` list names: each entry a path or a glob, relative to
 * `baseDir` (the config file's folder). Absolute paths, in list order, each file once. An entry
 * that names nothing stops start-up: a typo must not silently leave the gateway without handlers.
 */
export function resolveHandlerFiles(patterns: readonly string[], baseDir: string): string[] {
  const files = new Set<string>();
  patterns.forEach((pattern, i) => {
    const at = `handlers[${i}] "${pattern}"`;
    const matches = isDynamicPattern(pattern)
      ? globSync(pattern, { cwd: baseDir, absolute: true, onlyFiles: true }).sort()
      : [existingFile(resolve(baseDir, pattern), at)];
    if (matches.length === 0) {
      throw new ConfigError(
        `The config is invalid: ${at} matches no file in ${baseDir} (paths are relative to the config file's folder).`,
      );
    }
    for (const file of matches) {
      checkLoadable(file, at);
      files.add(file);
    }
  });
  return [...files];
}

function existingFile(path: string, at: string): string {
  if (!existsSync(path)) {
    throw new ConfigError(
      `The config is invalid: ${at}: no such file ${path} (paths are relative to the config file's folder).`,
    );
  }
  if (!statSync(path).isFile()) {
    throw new ConfigError(
      `The config is invalid: ${at}: ${path} is a folder; name its files with a glob such as "${pattern(at)}/*.js".`,
    );
  }
  return path;
}

function pattern(at: string): string {
  return at.slice(at.indexOf('"') + 1, -1).replace(/\/+$/, '');
}

/** The gateway runs compiled JavaScript: TypeScript handlers are built first (docs/handlers.md). */
function checkLoadable(file: string, at: string): void {
  const extension = extname(file).toLowerCase();
  if (JAVASCRIPT.includes(extension)) return;
  if (TYPESCRIPT.includes(extension)) {
    if (runningUnderTsNode()) return;
    throw new ConfigError(
      `The config is invalid: ${at}: ${file} is TypeScript; build your handlers (tsc) and list the compiled .js files.`,
    );
  }
  throw new ConfigError(
    `The config is invalid: ${at}: ${file} is not a CommonJS module (.js or .cjs); list only handler modules.`,
  );
}

function runningUnderTsNode(): boolean {
  return Symbol.for('ts-node.register.instance') in process;
}
