import { createInterface } from 'node:readline/promises';
import { colorsFor, type CliIo } from './io';

/** The real terminal: stdout, stderr, and stdin for questions. */
export function processIo(): CliIo {
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    interactive,
    colors: colorsFor(Boolean(process.stdout.isTTY), process.env),
    async confirm(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await rl.question(`${question} [y/N] `);
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        rl.close();
      }
    },
  };
}
