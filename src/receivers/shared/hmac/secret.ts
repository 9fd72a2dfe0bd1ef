import { checkSecretRules, type SecretCheck } from '../secret-rules';
import type { HmacDescriptor } from './descriptor';
import { decodeKey } from './signature';

/**
 * A configured secret against its descriptor: an error when it is no key in the key's encoding
 * (base64 after `whsec_`, hex), since it could never match; else the descriptor's own rules.
 */
export function checkHmacSecret(descriptor: HmacDescriptor<any>, secret: string): SecretCheck {
  const { key } = descriptor;
  if (key && key.encoding !== 'utf8' && decodeKey(secret, key) === undefined) {
    const prefix = key.stripPrefix ? `${key.stripPrefix} followed by ` : '';
    return (
      `is not a ${descriptor.title} signing secret: it must be ${prefix}${key.encoding}, and ` +
      `would never verify a signature. Copy it again from ${descriptor.title}.`
    );
  }
  return descriptor.secretRules ? checkSecretRules(descriptor.secretRules, secret) : undefined;
}
