import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

type LockEntry = Record<string, unknown> & {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** `npm pack` this project into `dir` (prepack builds it); returns the tarball's file name. */
export function packInto(dir: string): string {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // prepack's build prints before the JSON: the JSON is the last top-level array.
  const [packed] = JSON.parse(output.slice(output.lastIndexOf('\n[') + 1)) as {
    filename: string;
  }[];
  return packed.filename;
}

/** Where node finds `name` from the package at `from`, in the lockfile's tree. */
function resolveIn(
  packages: Record<string, LockEntry>,
  from: string,
  name: string,
): string | undefined {
  for (let base = from; ;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent >= 0 ? base.slice(0, parent) : '';
  }
}

/**
 * A lockfile for the app in `dir`, taken from this project's own: npm then installs from the
 * local cache by integrity alone. (`npm install --offline` without one needs the registry's
 * package documents, which `npm ci` never caches.) The tarball's dependencies are this
 * project's, so this project's tree, cut to what the app needs, is a valid tree for the app.
 */
export function writeOfflineLockfile(dir: string, tarball: string): void {
  const app = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const own = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as LockEntry & {
    name: string;
  };
  const bytes = readFileSync(join(dir, tarball));
  const packages: Record<string, LockEntry> = {
    '': {
      name: app.name,
      version: app.version,
      dependencies: app.dependencies,
      devDependencies: app.devDependencies,
    },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: `file:${tarball}`,
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      dependencies: manifest.dependencies,
      peerDependencies: manifest.peerDependencies,
      ...(manifest.peerDependenciesMeta !== undefined && {
        peerDependenciesMeta: manifest.peerDependenciesMeta,
      }),
      // npm links a package's commands from the lockfile's entry: without it, no `hookgate`.
      ...(manifest.bin !== undefined && { bin: manifest.bin }),
    },
  };
  const wanted: [string, string, boolean][] = Object.keys({
    ...app.dependencies,
    ...app.devDependencies,
    ...manifest.dependencies,
  })
    .filter((name) => name !== manifest.name)
    .map((name) => ['', name, false]);
  while (wanted.length > 0) {
    const [from, name, optional] = wanted.pop()!;
    const at = resolveIn(own.packages, from, name);
    if (!at) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${from || 'the app'}) is not in package-lock.json`);
    }
    if (packages[at]) continue;
    // Flags of this project's tree (dev-only, peer) mean nothing in the app's: npm recomputes them.
    const entry = { ...own.packages[at] };
    for (const flag of ['dev', 'devOptional', 'peer']) delete entry[flag];
    packages[at] = entry;
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    for (const dep of Object.keys(entry.dependencies ?? {})) wanted.push([at, dep, false]);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) wanted.push([at, dep, true]);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) {
      wanted.push([at, dep, optionalPeers[dep]?.optional === true]);
    }
  }
  const lock = {
    name: app.name,
    version: app.version,
    lockfileVersion: 3,
    requires: true,
    packages,
  };
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}

/**
 * Install from the local npm cache only. Install scripts stay off: sqlite3's would download its
 * prebuilt binary, so the one this project built is copied instead.
 */
export function installOffline(dir: string): void {
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const binary = join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
  mkdirSync(join(dir, 'node_modules', 'sqlite3', 'build', 'Release'), { recursive: true });
  copyFileSync(join(ROOT, binary), join(dir, binary));
}
