/** What replaces a value the gateway does not keep. */
export const SNS_REDACTED = '[redacted by Hookgate: re-subscribe from the SNS console]';

/**
 * The body stored for an SNS message. An UnsubscribeConfirmation's `Token` and `SubscribeURL`
 * restore the subscription for anyone who visits the URL ("To cancel this operation and restore
 * the subscription, visit the SubscribeURL"), so they are replaced before the message reaches
 * the store, the admin API or a consumer; the operator re-subscribes from the SNS console (or
 * with Subscribe) when the unsubscription was a mistake. Every other field, and every other
 * message type, is stored as SNS sent it. Undefined means: store the raw bytes.
 */
export function snsStoredBody(message: Record<string, unknown>): Buffer | undefined {
  if (message.Type !== 'UnsubscribeConfirmation') return undefined;
  const redacted = { ...message };
  for (const key of ['Token', 'SubscribeURL']) {
    if (key in redacted) redacted[key] = SNS_REDACTED;
  }
  return Buffer.from(JSON.stringify(redacted), 'utf8');
}
