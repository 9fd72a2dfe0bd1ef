import type { Receiver } from '../receivers/receiver';
import { findReceiver } from '../receivers/receivers';
import type { HookgateConfig } from './config.schema';

/** One thing found about one configured secret: errors stop start-up, warnings are logged. */
export interface SecretFinding {
  readonly level: 'error' | 'warning';
  /** `endpoints[1].secrets[0] is ...`: where, then what; never the secret. */
  readonly message: string;
}

/** `${...}` left in a value. */
const PLACEHOLDER = /\$\{([^}]*)\}/;
/** A name the config loader expands (interpolate.ts): one left over was written `$${NAME}`. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every endpoint secret against the checks that apply to all of them (a `${...}` left
 * unexpanded; the same secret on endpoints of different providers) and against its receiver's
 * own (`Receiver.checkSecret`: a Stripe API key, a Standard Webhooks secret that is no key, a
 * short GitHub secret). Run on a config whose endpoints name known providers.
 */
export function checkConfiguredSecrets(
  config: HookgateConfig,
  receivers: readonly Receiver<any>[],
  /** The config loader expanded `${NAME}`s: one left is a literal it was asked to keep. */
  interpolated = false,
): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const firstUse = new Map<string, { at: string; provider: string }>();
  config.endpoints.forEach((endpoint, i) => {
    const receiver = findReceiver(endpoint.provider, receivers)!;
    endpoint.secrets.forEach((secret, j) => {
      const at = `endpoints[${i}].secrets[${j}]`;
      const found = checkOne(receiver, secret, interpolated);
      if (found) findings.push({ level: found.level, message: `${at} ${found.message}` });
      const where = `${at} (${receiver.name}/${endpoint.id})`;
      const earlier = firstUse.get(secret);
      if (!earlier) firstUse.set(secret, { at: where, provider: receiver.name });
      else if (earlier.provider !== receiver.name) {
        findings.push({
          level: 'warning',
          message:
            `${where} is the same secret as ${earlier.at}, an endpoint of another provider: ` +
            'give each provider its own, so that one leaking does not let anyone sign as the other.',
        });
      }
    });
  });
  return findings;
}

/**
 * The warnings alone, for the start-up log and `hookgate config check`: of a config that passed
 * validation, so any `${NAME}` left in it was kept on purpose.
 */
export function secretWarnings(
  config: HookgateConfig,
  receivers: readonly Receiver<any>[],
): string[] {
  return checkConfiguredSecrets(config, receivers, true)
    .filter((finding) => finding.level === 'warning')
    .map((finding) => finding.message);
}

function checkOne(
  receiver: Receiver<any>,
  secret: string,
  interpolated: boolean,
): { level: SecretFinding['level']; message: string } | undefined {
  const placeholder = PLACEHOLDER.exec(secret);
  if (placeholder && interpolated && VARIABLE_NAME.test(placeholder[1])) {
    return {
      level: 'warning',
      message:
        `is a literal placeholder (variable ${placeholder[1]}), written "$\${" in the config ` +
        'file: if the secret should come from the environment, write a single "$".',
    };
  }
  if (placeholder) {
    return {
      level: 'error',
      message:
        `holds an unexpanded \${...} (variable "${placeholder[1]}"), not a secret: variable ` +
        'names are letters, digits and "_", set in the environment; "$${" writes a literal ' +
        '"${". Through HookgateModule.forRoot, pass the value itself.',
    };
  }
  const problem = receiver.checkSecret?.(secret);
  if (problem === undefined) return undefined;
  // A receiver's message should never quote the secret; should one do so anyway, it is cut out.
  const safe = (text: string) => text.split(secret).join('[REDACTED]');
  return typeof problem === 'string'
    ? { level: 'error', message: safe(problem) }
    : { level: 'warning', message: safe(problem.warning) };
}
