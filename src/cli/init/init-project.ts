import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CONFIG_YAML,
  GITIGNORE,
  HANDLER,
  TSCONFIG,
  packageJson,
  readme,
  type TemplateValues,
} from './templates';

/** A reason `hookgate init` cannot write the project; its message is one line for the user. */
export class InitError extends Error {
  override name = 'InitError';
}

export interface InitOptions {
  /** How the project depends on hookgate; default `^` this package's version. */
  hookgateSpec?: string;
}

export interface InitResult {
  /** The project folder, absolute. */
  dir: string;
  /** The files written, relative to `dir`. */
  files: string[];
}

/** npm names are lower case, without spaces; a folder name usually needs only that. */
function packageName(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+/, '');
  return name || 'hookgate-gateway';
}

function ownVersion(): string {
  // dist/cli/init or src/cli/init: the package's manifest is three folders up either way.
  const manifest = readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/**
 * Write a new self-hosted gateway project into `dir` (created when missing): a package that
 * depends on hookgate, its config with one endpoint, one handler in TypeScript with its build
 * step, and a README. A folder with anything in it is refused: nothing is overwritten.
 */
export function initProject(dir: string, options: InitOptions = {}): InitResult {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new InitError(`${target} is not empty; choose a new or empty folder.`);
  }
  const values: TemplateValues = {
    name: packageName(target),
    hookgateSpec: options.hookgateSpec ?? `^${ownVersion()}`,
  };
  const files: Record<string, string> = {
    'package.json': packageJson(values),
    'tsconfig.json': TSCONFIG,
    'hookgate.yaml': CONFIG_YAML,
    'src/handlers/github-push.handler.ts': HANDLER,
    'README.md': readme(values),
    '.gitignore': GITIGNORE,
  };
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      writeFileSync(join(target, path), text, { flag: 'wx' });
    }
  } catch (error) {
    throw new InitError(`Cannot write the project in ${target}: ${(error as Error).message}`);
  }
  return { dir: target, files: Object.keys(files) };
}
