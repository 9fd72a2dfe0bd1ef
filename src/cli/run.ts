import { CommanderError } from 'commander';
import type { CliContext } from './context';
import { CliError, type CliIo } from './io';
import { buildProgram } from './program';

/**
 * Run `hookgate` with `argv` (the arguments after the command) and return its exit code. The
 * one place errors end: a known failure is its message, anything else one line too, never a
 * stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  const program = buildProgram(ctx, packageVersion());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    // Commander has already printed its own message (usage errors, --help, --version).
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof Error ? error.message : String(error);
    io.err(io.colors.red(`hookgate: ${firstLine(message)}`));
    return error instanceof CliError ? error.exitCode : 1;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim() || 'failed without a message';
}

function packageVersion(): string {
  // dist/cli/run.js and src/cli/run.ts both sit two levels below package.json.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
