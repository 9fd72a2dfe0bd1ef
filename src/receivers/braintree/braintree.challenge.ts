import { HandshakeRefusedError } from '../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../receiver';
import { parseBraintreeSecret } from './braintree.secrets';
import { braintreeDigest } from './braintree.signature';

/** braintree_node `webhook_notification_gateway.js` `verify`: 20 to 32 lower-case hex digits. */
const CHALLENGE = /^[a-f0-9]{20,32}$/;

/**
 * Braintree's destination check: `GET ?bt_challenge=C`, answered `publicKey|digest(C)` as
 * text with the newest configured key pair, which proves the endpoint holds the private key.
 * Nothing is stored. A GET without bt_challenge is no handshake (405).
 */
export function answerBraintreeChallenge(
  req: IncomingWebhook,
  secrets: readonly string[],
): WebhookResponse | undefined {
  if (req.method !== 'GET' || req.query.bt_challenge === undefined) return undefined;
  const challenge = req.query.bt_challenge;
  if (!CHALLENGE.test(challenge)) {
    throw new HandshakeRefusedError('bt_challenge must be 20 to 32 lower-case hex digits.');
  }
  const pair = secrets.map(parseBraintreeSecret).find((p) => p !== undefined);
  if (!pair) {
    throw new HandshakeRefusedError(
      'This endpoint has no "<public key>:<private key>" secret to answer bt_challenge with.',
    );
  }
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: `${pair.publicKey}|${braintreeDigest(pair.privateKey, challenge)}`,
  };
}
