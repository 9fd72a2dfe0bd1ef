import type { VerifyResult } from '../receiver';

/**
 * The one home of a refused verification: every receiver builds its 401 here, so the shape
 * (`ok: false`, the reason, a message that never holds a secret) is written once.
 */
export function refuse(
  message: string,
  reason: 'signature' | 'stale-timestamp' = 'signature',
): VerifyResult {
  return { ok: false, reason, message };
}

/** The secret at `secretIndex` matched, or (when it is -1) a refusal with `message`. */
export function matchedOr(secretIndex: number, message: string): VerifyResult {
  return secretIndex >= 0 ? { ok: true, secretIndex } : refuse(message);
}
