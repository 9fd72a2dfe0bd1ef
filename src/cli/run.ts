import { CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    io.err(io.colors.red(`hookgate: ${oneLine(message)}`));
    return error instanceof CliError ? error.exitCode : 1;
  }
}

/** A message of several lines (the config's list of problems) joined into one. */
function oneLine(message: string): string {
  const parts = message
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(Boolean);
  if (parts.length === 0) return 'failed without a message';
  return parts.length === 1 ? parts[0] : `${parts[0]} ${parts.slice(1).join('; ')}`;
}

/** Hookgate's version, from the nearest package.json up from here (src, dist, or a test build). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'hookgate' && pkg.version) return pkg.version;
    } catch {
      // No package.json here: look further up.
    }
  }
  return 'unknown';
}

interface PackageJson {
  name?: string;
  version?: string;
}
