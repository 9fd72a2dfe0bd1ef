import type { Command } from 'commander';
import type { CliContext } from '../context';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description("bring the store's schema up to date and exit")
    .option('-c, --config <file>', 'the config file (default: HOOKGATE_CONFIG)')
    .action(async (options: { config?: string }) => {
      if (options.config) process.env.HOOKGATE_CONFIG = options.config;
      const { migrate } = await import('../../store/migrate');
      ctx.exitCode = await migrate();
    });
}
