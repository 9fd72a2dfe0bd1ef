import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DashboardAssets } from '../../src/admin/ui/dashboard-assets';

const ROOT = join(__dirname, '..', '..');
const UI = join(ROOT, 'ui');

/**
 * The dashboard built from the ui/ sources as they are now, into a folder of the tests' own
 * named by a hash of those sources: built once per change, shared by the specs and parallel
 * runs, and never in the way of `npm run build` (which writes dist/ui).
 */
export function builtDashboardDir(): string {
  const dir = join(ROOT, '.test-build', `ui-${sourcesHash()}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const building = `${dir}.${process.pid}-${Date.now()}`;
  execFileSync(
    process.execPath,
    [
      join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
      '--config',
      join(UI, 'vite.config.ts'),
      '--outDir',
      building,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another run finished the same build first: theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.html'))) throw error;
  }
  return dir;
}

/** The provider override that makes a test app serve that build. */
export function dashboardOverride(): { provide: unknown; useValue: unknown } {
  return { provide: DashboardAssets, useValue: DashboardAssets.fromDirectory(builtDashboardDir()) };
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of listFiles(UI).sort()) {
    hash.update(relative(UI, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
