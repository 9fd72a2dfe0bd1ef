import { matchHmac, signHmac } from '../shared/hmac/signature';
import { trelloDescriptor } from './trello.receiver';

/** Base64 HMAC-SHA1 of the raw body followed by the callback URL, as Trello sends it. */
export function signTrello(appSecret: string, body: Buffer, callbackUrl: string): string {
  return signHmac(trelloDescriptor, appSecret, { body, url: callbackUrl });
}

/** Index of the secret that signed `body` + `callbackUrl`, or -1. Base64 is compared as sent. */
export function verifyTrelloSignature(
  header: string,
  body: Buffer,
  callbackUrl: string,
  secrets: readonly string[],
): number {
  return matchHmac(trelloDescriptor, [header], { body, url: callbackUrl }, secrets);
}
