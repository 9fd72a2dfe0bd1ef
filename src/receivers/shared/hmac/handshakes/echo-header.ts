import { WebhookError } from '../../../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../../../receiver';

/**
 * A URL check by header: `GET` with `<header>: V`, answered 200 with the JSON `{"<field>": V}`
 * (Okta event hooks: `X-Okta-Verification-Challenge` → `{"verification": V}`,
 * okta-developer-docs `docs/concepts/event-hooks/index.md`, "One-Time Verification Request").
 * JSON, not text: the value is caller input, and JSON.stringify escapes it.
 */
export interface EchoHeader {
  readonly kind: 'echo-header';
  /** As the provider documents it; looked up lower-case. */
  readonly header: string;
  /** The field of the JSON answer that holds the value. */
  readonly field: string;
}

/** Undefined for a GET without the header (the pipeline answers 405); 400 when it is empty. */
export function answerEchoHeader(
  handshake: EchoHeader,
  req: IncomingWebhook,
): WebhookResponse | undefined {
  const value = req.headers[handshake.header.toLowerCase()];
  if (value === undefined) return undefined;
  if (value === '') {
    throw new WebhookError(400, 'malformed', `${handshake.header} is empty: nothing to echo.`);
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' },
    body: JSON.stringify({ [handshake.field]: value }),
  };
}
