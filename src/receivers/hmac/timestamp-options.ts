import type { SignatureSource, TimestampSource, TimestampUnit } from '../shared/hmac/descriptor';
import { parseFieldSource } from '../shared/event-fields';
import { parseToleranceSeconds } from '../shared/options';
import { headerName, oneOf } from './option-values';

const UNITS = ['s', 'ms', 'iso8601'] as const;

export interface TimestampOptions {
  readonly timestamp?: TimestampSource;
  readonly toleranceSeconds?: number;
}

/**
 * A signed timestamp: `timestampHeader: NAME`, or `timestampFrom` (`header:NAME`,
 * `body:json.path`, or `signature:KEY`, a field of the signature header's list such as the `t`
 * of `t=…,v1=…`); then `timestampUnit` and `toleranceSeconds` (default 300, 0 = off).
 */
export function parseTimestampOptions(
  options: Record<string, unknown>,
  signature: SignatureSource,
): TimestampOptions {
  const from = timestampFrom(options, signature);
  if (!from) {
    for (const name of ['timestampUnit', 'toleranceSeconds'] as const) {
      if (options[name] !== undefined) {
        throw new Error(`options.${name} needs options.timestampHeader or options.timestampFrom.`);
      }
    }
    return {};
  }
  const unit: TimestampUnit = oneOf(options.timestampUnit, 'timestampUnit', UNITS, 's');
  return {
    timestamp: { ...from, unit },
    toleranceSeconds: parseToleranceSeconds(options.toleranceSeconds),
  };
}

type TimestampPlace =
  { readonly header: string } | { readonly path: string } | { readonly signatureField: string };

function timestampFrom(
  options: Record<string, unknown>,
  signature: SignatureSource,
): TimestampPlace | undefined {
  const { timestampHeader, timestampFrom: from } = options;
  if (timestampHeader !== undefined && from !== undefined) {
    throw new Error('options.timestampHeader and options.timestampFrom: set one, not both.');
  }
  if (timestampHeader !== undefined) {
    return {
      header: headerName(timestampHeader, 'timestampHeader', 'the header of the timestamp'),
    };
  }
  if (typeof from === 'string' && from.startsWith('signature:')) {
    const field = from.slice('signature:'.length);
    if (!signature.list?.keyValue) {
      throw new Error('options.timestampFrom "signature:KEY" needs options.signatureKey.');
    }
    if (!/^[A-Za-z0-9_-]+$/.test(field)) {
      throw new Error(
        'options.timestampFrom "signature:KEY" needs a field name, e.g. signature:t.',
      );
    }
    return { signatureField: field };
  }
  try {
    return parseFieldSource(from, 'timestampFrom');
  } catch {
    throw new Error(
      'options.timestampFrom must be "header:NAME", "body:json.path" or "signature:KEY" (e.g. "signature:t").',
    );
  }
}
