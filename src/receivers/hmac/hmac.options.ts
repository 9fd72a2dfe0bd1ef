import type { HmacAlgorithm } from '../shared/hmac';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import { compileTemplate, usesPlaceholder } from '../shared/signed-content';
import type { FieldSource, HmacDescriptor, HmacKey } from '../shared/hmac/descriptor';
import { parseFieldSource } from '../shared/event-fields';
import { rejectUnknownOptions } from '../shared/options';
import { oneOf, optionalText } from './option-values';
import { parseSignatureOptions } from './signature-options';
import { parseTimestampOptions } from './timestamp-options';

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
  'signatureKey',
  'listSeparator',
  'listKeyValue',
  'signedContent',
  'timestampHeader',
  'timestampFrom',
  'timestampUnit',
  'toleranceSeconds',
  'idFrom',
  'typeFrom',
  'occurredAtFrom',
  'keyEncoding',
  'keyPrefix',
] as const;

const ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
const KEY_ENCODINGS = ['utf8', 'base64', 'hex'] as const;

/**
 * Validate a `provider: hmac` endpoint's options and turn them into an `HmacDescriptor`, built
 * once per endpoint and checked by `hmacReceiver` like any built-in descriptor: everything a
 * descriptor in code can say about the signature, the timestamp and the event fields. Every
 * error names the option (`options.header is required ...`); the config loader prefixes the
 * endpoint.
 */
export function parseGenericHmacOptions(
  raw: Record<string, unknown> | undefined,
): GenericHmacOptions {
  const options = raw ?? {};
  rejectUnknownOptions(options, 'hmac', KNOWN);

  const signature = parseSignatureOptions(options);
  const algorithm: HmacAlgorithm = oneOf(options.algorithm, 'algorithm', ALGORITHMS, 'sha256');
  const signedContent = optionalText(options.signedContent, 'signedContent') ?? '{body}';
  let parts;
  try {
    parts = compileTemplate(signedContent);
  } catch (error) {
    throw new Error(`options.${(error as Error).message}`);
  }

  const { timestamp, toleranceSeconds } = parseTimestampOptions(options, signature);
  if (!timestamp && usesPlaceholder(parts, 'timestamp')) {
    throw new Error(
      'options.signedContent names {timestamp}: set options.timestampHeader or options.timestampFrom.',
    );
  }

  const id = parseIdFrom(options.idFrom);
  if ((!id || id === 'body-hash') && usesPlaceholder(parts, 'id')) {
    throw new Error(
      'options.signedContent names {id}: set options.idFrom to a header or body path.',
    );
  }
  const type = parseFieldSource(options.typeFrom, 'typeFrom');
  const occurredAt = parseFieldSource(options.occurredAtFrom, 'occurredAtFrom');
  const key = hmacKey(options.keyEncoding, options.keyPrefix);

  const descriptor: HmacDescriptor = {
    name: 'hmac',
    title: 'hmac',
    algorithm,
    ...(key && { key }),
    signature,
    signedContent,
    ...(timestamp && { timestamp }),
    // Without typeFrom the receiver names the type after the endpoint (hmac.receiver.ts).
    type: type ?? { fixed: 'hmac' },
    ...(id && { id }),
    ...(occurredAt && { occurredAt }),
  };
  hmacReceiver(descriptor); // the descriptor's own checks, as for a built-in provider
  return {
    descriptor,
    typeFromEndpoint: !type,
    ...(toleranceSeconds !== undefined && { toleranceSeconds }),
  };
}

/** `header:NAME`, `body:json.path`, or `body-hash` (a SHA-256 of the raw body) for senders without an id. */
function parseIdFrom(value: unknown): FieldSource | 'body-hash' | undefined {
  if (value === 'body-hash') return 'body-hash';
  try {
    return parseFieldSource(value, 'idFrom');
  } catch {
    throw new Error(
      'options.idFrom must be "header:NAME" or "body:json.path" (e.g. "header:X-Delivery-Id"), or "body-hash" when the sender sends no id.',
    );
  }
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
