import { MalformedBodyError } from '../../errors/webhook-errors';
import type { Receiver } from '../receiver';
import { textAcknowledgement } from '../shared/text-acknowledgement';
import { readCallback } from './dropbox-sign.callback';
import { normalizeDropboxSignEvent } from './dropbox-sign.event';
import { parseDropboxSignOptions, type DropboxSignOptions } from './dropbox-sign.options';
import { verifyDropboxSign } from './dropbox-sign.verify';

export type { DropboxSignOptions } from './dropbox-sign.options';

/**
 * Dropbox Sign (HelloSign) account and app callbacks: the event's time and type signed with
 * the API key (dropbox-sign.verify.ts), answered with the text Dropbox Sign requires.
 */
export const dropboxSignReceiver: Receiver<DropboxSignOptions> = {
  name: 'dropbox-sign',
  contentTypes: ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'],
  profile: { schemes: ['hmac-fields'], handshakes: [], signsTimestamp: true },
  // "our requests will timeout after 30 seconds" (faq.hellosign.com, callback retries).
  ackDeadlineMs: 30_000,

  parseOptions: parseDropboxSignOptions,
  verify: (req, { secrets, options, now }) => verifyDropboxSign(req, secrets, options, now),

  parse(req) {
    const read = readCallback(req);
    if ('problem' in read) throw new MalformedBodyError(read.problem);
    return read.callback;
  },

  normalize: (_req, payload) => normalizeDropboxSignEvent(payload),
  // Anything else is a failure to Dropbox Sign, retried (developers.hellosign.com events walkthrough).
  acknowledge: textAcknowledgement('Hello API Event Received'),
};
