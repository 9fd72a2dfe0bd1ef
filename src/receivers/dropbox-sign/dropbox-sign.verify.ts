import type { IncomingWebhook, VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { matchedOr, refuse } from '../shared/refusal';
import { checkTimestampWindow, parseUnixSeconds } from '../shared/timestamp-window';
import { matchAnySecret } from '../shared/timing-safe';
import { readCallback } from './dropbox-sign.callback';
import { eventFields } from './dropbox-sign.event';
import type { DropboxSignOptions } from './dropbox-sign.options';

/**
 * `event.event_hash = hex HMAC-SHA256(API key, event_time + event_type)`
 * (@dropbox/sign `model/eventCallbackHelper.ts` `isValid`). Only those two fields are
 * signed: the rest of the body is not covered, so the time window bounds how long a seen
 * hash can be reused, and de-duplication on it refuses a second copy.
 */
export function signDropboxSignEvent(apiKey: string, time: string, type: string): string {
  return hmac('sha256', apiKey, time, type).toString('hex');
}

export function verifyDropboxSign(
  req: IncomingWebhook,
  secrets: readonly string[],
  options: DropboxSignOptions,
  now: Date,
): VerifyResult {
  const read = readCallback(req);
  // Unauthenticated bytes: a 401 like any request that cannot be verified, saying why.
  if ('problem' in read) return refuse(`${read.problem}, so no event_hash can be checked.`);
  const { time, type, hash } = eventFields(read.callback);
  if (!hash) return refuse('The callback has no event.event_hash.');
  if (time === undefined || type === undefined) {
    return refuse('The callback lacks event.event_time or event.event_type, which are signed.');
  }
  const index = matchAnySecret(secrets, [hash], (key) => signDropboxSignEvent(key, time, type));
  const matched = matchedOr(
    index,
    'event_hash does not match event_time and event_type under any configured API key (use the API key of the account or app that owns the callback URL).',
  );
  if (!matched.ok) return matched;
  const window = checkTimestampWindow(parseUnixSeconds(time), now, options.toleranceSeconds);
  return window.ok ? matched : refuse(window.message, 'stale-timestamp');
}
