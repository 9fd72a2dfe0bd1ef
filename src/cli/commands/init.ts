import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { CliContext } from '../context';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create a self-hosted gateway project (config, one handler, README)')
    .argument('[dir]', 'where to create it', '.')
    .option(
      '--hookgate <spec>',
      'how the project depends on hookgate (default: this version from npm; or a tarball path)',
    )
    .action(async (dir: string, options: { hookgate?: string }) => {
      const { initProject } = await import('../init');
      const created = initProject(
        resolve(dir),
        options.hookgate === undefined ? {} : { hookgateSpec: options.hookgate },
      );
      ctx.io.out(`Created a Hookgate project in ${created.dir}: npm install && npm start`);
    });
}
