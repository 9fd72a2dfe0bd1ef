import type { VerifyResult } from '../receiver';
import { refuse } from '../shared/refusal';
import { hmac } from '../shared/hmac';
import {
  checkTimestampWindow,
  DEFAULT_TOLERANCE_SECONDS,
  parseUnixSeconds,
} from '../shared/timestamp-window';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Slack signs `v0:<timestamp>:<raw body>` with HMAC-SHA256 under the app's signing secret:
 *   X-Slack-Signature:         v0=<hex>
 *   X-Slack-Request-Timestamp: <unix seconds>
 * The raw body is the JSON (Events API) or the still-encoded form (commands, interactivity).
 */
export const SLACK_VERSION = 'v0';

export function signSlack(secret: string, timestamp: string, body: Buffer): string {
  const digest = hmac('sha256', secret, `${SLACK_VERSION}:${timestamp}:`, body).toString('hex');
  return `${SLACK_VERSION}=${digest}`;
}

export interface SlackSignedRequest {
  /** X-Slack-Signature, as sent. */
  readonly signature: string | undefined;
  /** X-Slack-Request-Timestamp, as sent. */
  readonly timestamp: string | undefined;
  readonly body: Buffer;
}

/**
 * The signature is checked before the window, so `stale-timestamp` only ever reports an authentic
 * request that arrived too late (a replay, or a clock that is off), never a forgery.
 */
export function verifySlackSignature(
  request: SlackSignedRequest,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  const { signature, timestamp, body } = request;
  if (!signature) return refuse('X-Slack-Signature is missing.');
  if (!signature.startsWith(`${SLACK_VERSION}=`)) {
    return refuse(`X-Slack-Signature must start with "${SLACK_VERSION}=".`);
  }
  const seconds = parseUnixSeconds(timestamp);
  if (Number.isNaN(seconds)) {
    return refuse('X-Slack-Request-Timestamp is missing or not a whole number of seconds.');
  }

  const secretIndex = matchAnySecret(secrets, [signature], (secret) =>
    signSlack(secret, timestamp!, body),
  );
  if (secretIndex < 0) {
    return refuse(
      'The signature does not match the timestamp and body under any configured secret.',
    );
  }
  const window = checkTimestampWindow(seconds, now, toleranceSeconds);
  if (!window.ok) return refuse(window.message, 'stale-timestamp');
  return { ok: true, secretIndex };
}
