import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;

/**
 * Where a command writes and what it knows of its terminal, injected so that tests call
 * commands without spawning a process.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a person watches: colours, and questions that wait for an answer. */
  readonly interactive: boolean;
  readonly colors: Colors;
  /** Ask a yes/no question; only called when `interactive`. */
  confirm(question: string): Promise<boolean>;
}

/** A failure the user can act on: printed as one line, the process exits with `exitCode`. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Colours only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function colorsFor(isTTY: boolean, env: CliIo['env']): Colors {
  return createColors(isTTY && !env.NO_COLOR);
}
