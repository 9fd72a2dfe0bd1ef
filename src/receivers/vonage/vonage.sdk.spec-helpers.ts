import { execFileSync } from 'node:child_process';

/*
 * Vonage's own verifiers, run in a child process: @vonage/jwt and @vonage/sms load uuid 14,
 * which is ESM only, and Jest's CommonJS runtime cannot require it on Node 20 (plain Node 20.19+
 * can). Each call runs one batch of checks and returns the SDK's verdicts.
 */
const SCRIPT = `
const { verifySignature } = require('@vonage/jwt');
const { SMS } = require('@vonage/sms');
const sms = new SMS({ apiKey: 'unused', apiSecret: 'unused' });
const checks = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(checks.map((c) => c.kind === 'jwt'
  ? verifySignature(c.token, c.secret)
  : sms.verifySignature(c.sig, c.params, c.secret, c.algorithm))));
`;

export type SdkCheck =
  | { readonly kind: 'jwt'; readonly token: string; readonly secret: string }
  | {
      readonly kind: 'sms';
      readonly sig: string;
      readonly params: Record<string, string>;
      readonly secret: string;
      /** @vonage/auth AlgorithmTypes: MD5HASH, MD5HMAC, SHA1HMAC, SHA256HMAC, SHA512HMAC. */
      readonly algorithm: string;
    };

export function vonageSdkVerdicts(checks: readonly SdkCheck[]): boolean[] {
  const out = execFileSync(process.execPath, ['-e', SCRIPT], {
    input: JSON.stringify(checks),
    cwd: __dirname,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(out) as boolean[];
}
