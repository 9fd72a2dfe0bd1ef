import type { Command } from 'commander';
import type { CliContext } from '../context';

export function registerStart(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('run the gateway (what npm start runs)')
    .option('-c, --config <file>', 'the config file (default: HOOKGATE_CONFIG)')
    .action(async (options: { config?: string }) => {
      // The gateway reads its config from the environment, as in a container.
      if (options.config) process.env.HOOKGATE_CONFIG = options.config;
      // Loaded on demand: the other commands need not load Nest and the whole gateway.
      const { bootstrap } = await import('../../main');
      await bootstrap();
      ctx.exitCode = 0;
    });
}
