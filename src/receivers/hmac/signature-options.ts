import type { SignatureEncoding, SignatureList, SignatureSource } from '../shared/hmac/descriptor';
import { headerNames, oneOf, optionalText } from './option-values';

const ENCODINGS = ['hex', 'base64', 'base64url'] as const;
const SEPARATORS = [',', ';', ' '] as const;
const KEY_VALUES = ['=', ','] as const;

/**
 * Where the signature is: `header` (one name or several, any may carry it), `encoding`,
 * `prefix`, and for a header holding a list of fields (`t=…,v1=…`) `signatureKey` with
 * `listSeparator` (default `,`) and `listKeyValue` (default `=`). `listSeparator` alone reads a
 * plain list of signatures (`sig1 sig2`).
 */
export function parseSignatureOptions(options: Record<string, unknown>): SignatureSource {
  const headers = headerNames(options.header, 'header', 'the header that carries the signature');
  const encoding: SignatureEncoding = oneOf(options.encoding, 'encoding', ENCODINGS, 'hex');
  const prefix = optionalText(options.prefix, 'prefix');
  const list = parseList(options);
  return { headers, encoding, ...(prefix && { prefix }), ...(list && { list }) };
}

function parseList(options: Record<string, unknown>): SignatureList | undefined {
  const signatureKey = optionalText(options.signatureKey, 'signatureKey');
  if (signatureKey !== undefined && !/^[A-Za-z0-9_-]+$/.test(signatureKey)) {
    throw new Error('options.signatureKey must be a field name such as v1 or h1.');
  }
  if (options.listKeyValue !== undefined && signatureKey === undefined) {
    throw new Error('options.listKeyValue needs options.signatureKey, the key of the signatures.');
  }
  if (signatureKey === undefined && options.listSeparator === undefined) return undefined;
  const separator = oneOf(options.listSeparator, 'listSeparator', SEPARATORS, ',');
  if (signatureKey === undefined) return { separator };
  const keyValue = oneOf(options.listKeyValue, 'listKeyValue', KEY_VALUES, '=');
  if (keyValue === separator) {
    throw new Error('options.listKeyValue and options.listSeparator must differ.');
  }
  return { separator, keyValue, signatureKey };
}
