import type { Receiver, VerifyResult } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { answerDropboxChallenge } from './dropbox.handshake';
import { parseDropboxOptions, type DropboxOptions } from './dropbox.options';
import { verifyDropboxSignature } from './dropbox.signature';

/**
 * Dropbox: file-change notifications. There is one event type, `change`, and no id: the
 * notification only names accounts to sync, so a repeat is harmless and is not de-duplicated.
 */
export const dropboxReceiver: Receiver<DropboxOptions> = {
  name: 'dropbox',
  contentTypes: ['application/json'],
  methods: ['GET', 'POST'],
  ackDeadlineMs: 10_000,
  parseOptions: parseDropboxOptions,
  handshakeBeforeVerify: answerDropboxChallenge,

  verify(req, { secrets }): VerifyResult {
    const header = req.headers['x-dropbox-signature'];
    if (!header)
      return { ok: false, reason: 'signature', message: 'X-Dropbox-Signature is missing.' };
    const secretIndex = verifyDropboxSignature(header, req.rawBody, secrets);
    return secretIndex >= 0
      ? { ok: true, secretIndex }
      : {
          ok: false,
          reason: 'signature',
          message: 'The signature does not match the body under any configured app secret.',
        };
  },

  parse: (req) => parseJsonObject(req.rawBody),
  normalize: () => ({ type: 'change' }),
};
