import { matchHmac, signHmac } from '../shared/hmac/signature';
import { dropboxDescriptor } from './dropbox.receiver';

/** Hex HMAC-SHA256 of the raw body under the app secret, as in X-Dropbox-Signature. */
export function signDropbox(appSecret: string, body: Buffer): string {
  return signHmac(dropboxDescriptor, appSecret, { body });
}

/** Index of the secret that signed `body`, or -1. Hex is compared case-insensitively. */
export function verifyDropboxSignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
): number {
  return matchHmac(dropboxDescriptor, [header], { body }, secrets);
}
