import { colorsFor, type CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A terminal that records what is written: no colours, interactive only given `answers`. */
export function captureIo(options: { env?: Record<string, string>; answers?: boolean[] } = {}) {
  const captured = { stdout: '', stderr: '', questions: [] as string[] };
  const answers = [...(options.answers ?? [])];
  const env = options.env ?? {};
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const io: CliIo = {
    out: (text) => (captured.stdout += line(text)),
    err: (text) => (captured.stderr += line(text)),
    env,
    interactive: options.answers !== undefined,
    colors: colorsFor(false, env),
    confirm: (question) => {
      captured.questions.push(question);
      return Promise.resolve(answers.shift() ?? false);
    },
  };
  return { io, captured };
}

/** Run `hookgate` in this process with captured output (see captureIo). */
export async function runHookgate(
  args: string[],
  options: { env?: Record<string, string>; answers?: boolean[] } = {},
): Promise<CliResult & { questions: string[] }> {
  const { io, captured } = captureIo(options);
  const code = await runCli(args, io);
  return { code, ...captured };
}

/** One line, no stack trace: what every failure of the CLI must look like. */
export function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
