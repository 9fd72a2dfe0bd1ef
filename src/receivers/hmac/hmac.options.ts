import type { HmacAlgorithm } from '../shared/hmac';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import { compileTemplate, usesPlaceholder } from '../shared/hmac/content';
import type {
  HmacDescriptor,
  HmacKey,
  SignatureEncoding,
  TimestampUnit,
} from '../shared/hmac/descriptor';
import { HEADER_NAME, parseFieldSource } from '../shared/event-fields';
import { parseToleranceSeconds, rejectUnknownOptions } from '../shared/options';

/** The parsed options of a `provider: hmac` endpoint: the descriptor they describe. */
export interface GenericHmacOptions {
  readonly descriptor: HmacDescriptor;
  /** Whether `typeFrom` was given; else the type is the endpoint id. */
  readonly typeFromEndpoint: boolean;
  readonly toleranceSeconds?: number;
}

const KNOWN = [
  'header',
  'algorithm',
  'encoding',
  'prefix',
  'signedContent',
  'timestampHeader',
  'timestampUnit',
  'toleranceSeconds',
  'idFrom',
  'typeFrom',
  'keyEncoding',
  'keyPrefix',
] as const;

const ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
const ENCODINGS = ['hex', 'base64', 'base64url'] as const;
const UNITS = ['s', 'ms', 'iso8601'] as const;
const KEY_ENCODINGS = ['utf8', 'base64', 'hex'] as const;

/**
 * Validate a `provider: hmac` endpoint's options and turn them into an `HmacDescriptor`, built
 * once per endpoint and checked by `hmacReceiver` like any built-in descriptor. Every error
 * names the option (`options.header is required ...`); the config loader prefixes the endpoint.
 */
export function parseGenericHmacOptions(
  raw: Record<string, unknown> | undefined,
): GenericHmacOptions {
  const options = raw ?? {};
  rejectUnknownOptions(options, 'hmac', KNOWN);

  const header = headerName(options.header, 'header', 'the header that carries the signature');
  const algorithm = oneOf(options.algorithm, 'algorithm', ALGORITHMS, 'sha256');
  const encoding = oneOf(options.encoding, 'encoding', ENCODINGS, 'hex');
  const prefix = optionalText(options.prefix, 'prefix');
  const signedContent = optionalText(options.signedContent, 'signedContent') ?? '{body}';
  let parts;
  try {
    parts = compileTemplate(signedContent);
  } catch (error) {
    throw new Error(`options.${(error as Error).message}`);
  }

  const timestampHeader =
    options.timestampHeader === undefined
      ? undefined
      : headerName(options.timestampHeader, 'timestampHeader', 'the header of the timestamp');
  if (!timestampHeader) {
    for (const name of ['timestampUnit', 'toleranceSeconds'] as const) {
      if (options[name] !== undefined) {
        throw new Error(`options.${name} needs options.timestampHeader; set it or remove ${name}.`);
      }
    }
    if (usesPlaceholder(parts, 'timestamp')) {
      throw new Error('options.signedContent names {timestamp}: set options.timestampHeader.');
    }
  }
  const unit: TimestampUnit = oneOf(options.timestampUnit, 'timestampUnit', UNITS, 's');

  const id = parseFieldSource(options.idFrom, 'idFrom');
  if (!id && usesPlaceholder(parts, 'id')) {
    throw new Error('options.signedContent names {id}: set options.idFrom.');
  }
  const type = parseFieldSource(options.typeFrom, 'typeFrom');
  const key = hmacKey(options.keyEncoding, options.keyPrefix);

  const descriptor: HmacDescriptor = {
    name: 'hmac',
    title: 'hmac',
    algorithm: algorithm as HmacAlgorithm,
    ...(key && { key }),
    signature: {
      headers: [header],
      encoding: encoding as SignatureEncoding,
      ...(prefix && { prefix }),
    },
    signedContent,
    ...(timestampHeader && { timestamp: { header: timestampHeader, unit } }),
    // Without typeFrom the receiver names the type after the endpoint (hmac.receiver.ts).
    type: type ?? { fixed: 'hmac' },
    ...(id && { id }),
  };
  hmacReceiver(descriptor); // the descriptor's own checks, as for a built-in provider
  return {
    descriptor,
    typeFromEndpoint: !type,
    ...(timestampHeader && { toleranceSeconds: parseToleranceSeconds(options.toleranceSeconds) }),
  };
}

function headerName(value: unknown, name: string, what: string): string {
  if (value === undefined) throw new Error(`options.${name} is required: ${what}.`);
  if (typeof value !== 'string' || !HEADER_NAME.test(value)) {
    throw new Error(`options.${name} must be an HTTP header name (${what}).`);
  }
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new Error(`options.${name} must be one of ${allowed.join(', ')} (default ${fallback}).`);
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new Error(`options.${name} must be a non-empty string.`);
  }
  return value;
}

function hmacKey(encoding: unknown, prefix: unknown): HmacKey | undefined {
  const keyEncoding = oneOf(encoding, 'keyEncoding', KEY_ENCODINGS, 'utf8');
  const stripPrefix = optionalText(prefix, 'keyPrefix');
  if (stripPrefix && keyEncoding === 'utf8') {
    throw new Error('options.keyPrefix needs options.keyEncoding base64 or hex.');
  }
  if (keyEncoding === 'utf8') return undefined;
  return { encoding: keyEncoding, ...(stripPrefix && { stripPrefix }) };
}
