import type { IncomingWebhook, VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import { checkTimestampWindow, parseUnixSeconds } from '../shared/timestamp-window';
import { matchAnySecret } from '../shared/timing-safe';
import { smsParams } from './vonage.sms-params';
import { smsSignature, type SmsSignatureMethod } from './vonage.sms-signature';

/**
 * The SMS API's `sig` parameter, recomputed with each configured signature secret. The signed
 * `timestamp` parameter (Unix seconds) bounds replays; the `nonce` Vonage adds is signed too.
 */
export function verifyVonageSms(
  req: IncomingWebhook,
  secrets: readonly string[],
  method: SmsSignatureMethod,
  toleranceSeconds: number,
  now: Date,
): VerifyResult {
  let params: Record<string, string>;
  try {
    params = smsParams(req);
  } catch {
    return refuse('The parameters cannot be read, so Vonage cannot have signed them.');
  }
  const sig = params.sig;
  if (!sig) return refuse('The sig parameter is missing (turn on signed webhooks at Vonage).');
  const secretIndex = matchAnySecret(secrets, [sig.toLowerCase()], (secret) =>
    smsSignature(params, secret, method),
  );
  if (secretIndex < 0) {
    return refuse(
      `sig does not match the parameters under any configured signature secret with ${method} (check options.signature against the dashboard's signature method).`,
    );
  }
  if (toleranceSeconds > 0) {
    if (params.timestamp === undefined)
      return refuse(
        'The signed timestamp parameter is missing (or set options.toleranceSeconds to 0).',
      );
    const window = checkTimestampWindow(parseUnixSeconds(params.timestamp), now, toleranceSeconds);
    if (!window.ok) return refuse(window.message, 'stale-timestamp');
  }
  return { ok: true, secretIndex };
}
