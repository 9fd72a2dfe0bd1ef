import { Command } from 'commander';
import { registerConfigCheck } from './commands/config-check';
import { registerDeliveries } from './commands/deliveries';
import { registerInit } from './commands/init';
import { registerMigrate } from './commands/migrate';
import { registerProviders } from './commands/providers';
import { registerReplay } from './commands/replay';
import { registerReplayBulk } from './commands/replay-bulk';
import { registerRetry } from './commands/retry';
import { registerSend } from './commands/send';
import { registerShow } from './commands/show';
import { registerStart } from './commands/start';
import { registerTail } from './commands/tail';
import type { CliContext } from './context';

/** `hookgate` and its commands, writing to the context's terminal. */
export function buildProgram(ctx: CliContext, version: string): Command {
  const program = new Command('hookgate')
    .description('Hookgate, the self-hosted inbound webhook gateway')
    .version(version, '-v, --version')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => ctx.io.out(text.trimEnd()),
      writeErr: (text) => ctx.io.err(text.trimEnd()),
      outputError: (text, write) => write(ctx.io.colors.red(text.trimEnd())),
    })
    .exitOverride();
  for (const register of [
    registerStart,
    registerInit,
    registerSend,
    registerProviders,
    registerDeliveries,
    registerShow,
    registerReplay,
    registerRetry,
    registerReplayBulk,
    registerTail,
    registerConfigCheck,
    registerMigrate,
  ]) {
    register(program, ctx);
  }
  // Subcommands report their usage errors the same way, and never exit the process themselves.
  const inherit = (command: Command): void => {
    for (const sub of command.commands) {
      sub.copyInheritedSettings(command);
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}
