import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Where `npm run build` puts the dashboard (ui/vite.config.ts), under the package's root. */
const BUILD_FOLDER = join('dist', 'ui');

/**
 * The dashboard's built files: the list is read once, and only a name on it is ever served,
 * so no request path can reach another file. `dir` is null when the UI was not built (a
 * checkout without `npm run build`): the dashboard then answers 404 and says why in the log.
 */
export class DashboardAssets {
  private constructor(
    readonly dir: string | null,
    private readonly files: ReadonlySet<string>,
  ) {}

  /** The files under `dir` (paths with `/`), or none when it holds no index.html. */
  static fromDirectory(dir: string | null): DashboardAssets {
    if (!dir || !existsSync(join(dir, 'index.html'))) return new DashboardAssets(null, new Set());
    const files = listFiles(dir).map((file) => relative(dir, file).split(sep).join('/'));
    return new DashboardAssets(dir, new Set(files));
  }

  /** The build in this package: dist/ui beside the package.json named hookgate. */
  static ofThisPackage(): DashboardAssets {
    const root = packageRoot(__dirname);
    return DashboardAssets.fromDirectory(root ? join(root, BUILD_FOLDER) : null);
  }

  get built(): boolean {
    return this.dir !== null;
  }

  /** The absolute path of a built file, or null when there is none by that name. */
  file(name: string): string | null {
    return this.dir && this.files.has(name) ? join(this.dir, ...name.split('/')) : null;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name))
      : entry.isFile()
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * The package's root from a folder inside it: compiled code runs from dist/ (or a test build),
 * the tests from src/, and both find the same root.
 */
function packageRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'hookgate') return dir;
    if (dirname(dir) === dir) return null;
  }
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
