import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../config/config.loader';
import { secretWarnings } from '../../config/secret-checks';
import { RECEIVERS } from '../../receivers/receivers';
import { storeEngine } from '../../store/store-engine';
import type { CliContext } from '../context';
import { CliError } from '../io';
import { printJson, type JsonOption } from '../output';

/** EX_CONFIG, as the gateway exits when its config is invalid. */
export const EXIT_CONFIG = 78;

export function registerConfigCheck(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('work with the gateway config');
  config
    .command('check')
    .description('validate a config as start-up does (exit 78 when invalid)')
    .argument('[file]', 'the config file (default: HOOKGATE_CONFIG)')
    .option('--json', 'print JSON for scripts')
    .action((file: string | undefined, options: JsonOption) => checkConfig(ctx, file, options));
}

function checkConfig(ctx: CliContext, file: string | undefined, options: JsonOption): void {
  const env = file ? { ...ctx.io.env, HOOKGATE_CONFIG: file } : ctx.io.env;
  let loaded;
  try {
    loaded = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT_CONFIG);
    throw error;
  }
  const { config, source, isDemo } = loaded;
  const providers = [...new Set(config.endpoints.map((e) => e.provider))].sort();
  const summary = {
    valid: true,
    source,
    endpoints: config.endpoints.length,
    providers,
    store: storeEngine(config.database.url).name,
    role: config.role,
    adminApi: Boolean(config.admin.token),
    demoSecrets: isDemo,
    warnings: secretWarnings(config, RECEIVERS),
  };
  if (options.json) return printJson(ctx.io, summary);
  const admin = summary.adminApi ? 'admin API on' : 'admin API off';
  const demo = isDemo ? ctx.io.colors.yellow(', DEMO SECRETS') : '';
  ctx.io.out(
    `${ctx.io.colors.green('Valid')}: ${source}: ${summary.endpoints} endpoint(s) ` +
      `(${providers.join(', ')}), ${summary.store} store, role ${summary.role}, ${admin}${demo}`,
  );
  for (const warning of summary.warnings) ctx.io.err(ctx.io.colors.yellow(`Warning: ${warning}`));
}
