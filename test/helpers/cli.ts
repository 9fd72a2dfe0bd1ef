import { colorsFor, type CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `hookgate` in this process with captured output: no colours, not a terminal unless
 * `answers` are given (the replies to its questions, in order).
 */
export async function runHookgate(
  args: string[],
  options: { env?: Record<string, string>; answers?: boolean[] } = {},
): Promise<CliResult & { questions: string[] }> {
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const answers = [...(options.answers ?? [])];
  const env = options.env ?? {};
  const io: CliIo = {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
    env,
    interactive: options.answers !== undefined,
    colors: colorsFor(false, env),
    confirm: (question) => {
      questions.push(question);
      return Promise.resolve(answers.shift() ?? false);
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, questions };
}

/** One line, no stack trace: what every failure of the CLI must look like. */
export function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
