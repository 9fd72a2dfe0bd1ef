import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Dropbox: file-change notifications, the raw body signed with HMAC-SHA256 under the app
 * secret, hex in X-Dropbox-Signature. There is one event type, `change`, and no id: the
 * notification only names accounts to sync, so a repeat is harmless and is not de-duplicated.
 * A new URL is checked with an unsigned `GET ?challenge=`, echoed back.
 */
export const dropboxDescriptor: HmacDescriptor = {
  name: 'dropbox',
  title: 'Dropbox',
  ackDeadlineMs: 10_000,
  algorithm: 'sha256',
  signature: { headers: ['X-Dropbox-Signature'], encoding: 'hex' },
  messages: { mismatch: 'The signature does not match the body under any configured app secret.' },
  type: { fixed: 'change' },
  handshake: { kind: 'echo-query', param: 'challenge' },
};

export type DropboxOptions = HmacOptions;
export const dropboxReceiver = hmacReceiver(dropboxDescriptor);
