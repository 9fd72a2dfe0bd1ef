import { parseToleranceSeconds, rejectUnknownOptions } from '../options';
import type { HmacDescriptor } from './descriptor';

/**
 * The options a descriptor implies, when it has no `parseOptions` of its own:
 * `toleranceSeconds` when a timestamp is signed, the legacy signature's boolean switch
 * (default false), and the token a `verify-token-query` handshake compares with (required).
 * Any other name is refused, naming the ones known.
 */
export function defaultOptions<Options>(
  descriptor: HmacDescriptor<Options>,
  options: Record<string, unknown> | undefined,
): Options {
  const { timestamp, legacySignature: legacy, handshake } = descriptor;
  const token = handshake?.kind === 'verify-token-query' ? handshake : undefined;
  const known = [
    ...(timestamp ? ['toleranceSeconds'] : []),
    ...(legacy ? [legacy.option] : []),
    ...(token ? [token.option] : []),
  ];
  rejectUnknownOptions(options, descriptor.title, known);
  const parsed: Record<string, unknown> = {};
  if (options?.toleranceSeconds !== undefined) {
    parsed.toleranceSeconds = parseToleranceSeconds(options.toleranceSeconds);
  }
  if (legacy) parsed[legacy.option] = parseSwitch(options?.[legacy.option], legacy.option);
  if (token) {
    const value = options?.[token.option];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`options.${token.option} is required: ${token.optionHint}.`);
    }
    parsed[token.option] = value;
  }
  return parsed as Options;
}

function parseSwitch(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new Error(`options.${name} must be true or false.`);
  return value;
}
