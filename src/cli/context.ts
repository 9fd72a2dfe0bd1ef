import type { CliIo } from './io';

/** What a command gets: the terminal, and where it leaves its exit code (0 unless set). */
export interface CliContext {
  readonly io: CliIo;
  exitCode: number;
}
