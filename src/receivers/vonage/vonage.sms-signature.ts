import { createHash, createHmac } from 'node:crypto';
import type { VonageSignature } from './vonage.options';

export type SmsSignatureMethod = Exclude<VonageSignature, 'jwt'>;

const HMAC_ALGORITHMS: Record<Exclude<SmsSignatureMethod, 'sms-md5hash'>, string> = {
  'sms-hmac-md5': 'md5',
  'sms-hmac-sha1': 'sha1',
  'sms-hmac-sha256': 'sha256',
  'sms-hmac-sha512': 'sha512',
};

/**
 * The SMS API's signed string (developer.vonage.com/en/getting-started/concepts/signing-messages;
 * @vonage/sms `verifySignature`): every parameter but `sig`, keys sorted, each as
 * `&key=value` with `&` and `=` in the value replaced by `_`.
 */
export function smsSignedString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sig')
    .sort()
    .map((key) => `&${key}=${params[key].replace(/[&=]/g, '_')}`)
    .join('');
}

/**
 * The hex signature: `md5hash` is MD5 of the string followed by the secret, the others an HMAC
 * of the string keyed by the secret. Lower-case; Vonage compares case-insensitively.
 */
export function smsSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: SmsSignatureMethod,
): string {
  const signed = smsSignedString(params);
  if (method === 'sms-md5hash')
    return createHash('md5')
      .update(signed + secret)
      .digest('hex');
  return createHmac(HMAC_ALGORITHMS[method], secret).update(signed).digest('hex');
}
