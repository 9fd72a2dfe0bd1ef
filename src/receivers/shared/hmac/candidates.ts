import type { IncomingWebhook } from '../../receiver';
import type { SignatureEncoding, SignatureList, SignatureSource } from './descriptor';

/**
 * The signature headers' values as sent, or undefined when none is: with `first-present`, the
 * first header that is sent at all (an empty one counts as missing, as before), else all of them.
 */
export function signatureHeaderValues(
  req: IncomingWebhook,
  source: SignatureSource,
): string[] | undefined {
  const sent = source.headers
    .map((name) => req.headers[name.toLowerCase()])
    .filter((value): value is string => value !== undefined);
  const values = source.use === 'first-present' ? sent.slice(0, 1) : sent;
  const nonEmpty = values.filter((value) => value !== '');
  return nonEmpty.length > 0 ? nonEmpty : undefined;
}

/** Every signature the header values carry, prefix removed and normalized for comparison. */
export function signatureCandidates(values: readonly string[], source: SignatureSource): string[] {
  const prefix = source.prefix ?? '';
  const candidates: string[] = [];
  for (const value of values) {
    for (const item of listSignatures(value, source.list)) {
      if (!item.startsWith(prefix)) continue;
      const candidate = normalizeSignature(item.slice(prefix.length), source.encoding);
      if (candidate !== '') candidates.push(candidate);
    }
  }
  return candidates;
}

/** The items of a list header that hold signatures (the whole value when it is no list). */
function listSignatures(value: string, list: SignatureList | undefined): string[] {
  if (!list) return [value];
  const items = splitList(value, list);
  if (!list.keyValue) return items.map(([, item]) => item);
  return items.filter(([key]) => key === list.signatureKey).map(([, item]) => item);
}

/** The first value of `key` in a list header, e.g. the `t` of `t=…,v1=…`. */
export function listField(value: string, list: SignatureList, key: string): string | undefined {
  return splitList(value, list).find(([name]) => name === key)?.[1];
}

/** `[key, value]` pairs, trimmed; without `keyValue` the key is empty. */
function splitList(value: string, list: SignatureList): [string, string][] {
  return value
    .split(list.separator)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item): [string, string] => {
      if (!list.keyValue) return ['', item];
      const at = item.indexOf(list.keyValue);
      return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
    });
}

/** Hex in lower case; base64 exactly as sent; base64url without its optional padding. */
function normalizeSignature(signature: string, encoding: SignatureEncoding): string {
  if (encoding === 'hex') return signature.toLowerCase();
  if (encoding === 'base64url') return signature.replace(/=+$/, '');
  return signature;
}
