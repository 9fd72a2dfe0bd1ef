import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Fixtures shared by the slack.signature*.spec.ts files. Not a spec (jest runs only *.spec.ts),
// and left out of the build by tsconfig.build.json.

// Slack's published vector ("Verifying requests from Slack").
export const VECTOR = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: readFileSync(join(__dirname, 'fixtures/slash-command.txt')),
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
export const AT_VECTOR_TIME = new Date(1531420618 * 1000);

/** Independent signer: node:crypto directly, not the module under test. */
export function reference(secret: string, timestamp: string, body: Buffer | string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex');
}
