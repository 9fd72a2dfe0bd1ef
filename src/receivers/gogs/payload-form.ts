import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, Receiver } from '../receiver';
import { decodeUtf8, parseJsonObject } from '../shared/body';
import { refuse } from '../shared/refusal';

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Gogs and Gitea can post a webhook as a form whose field `payload` holds the JSON, and both
 * sign that JSON, not the encoded form: Gogs signs `JSONPayload()` and sends it as
 * `req.Param("payload", …)` (gogs/gogs `internal/database/webhook.go`, prepareHookTasks and
 * deliver); Gitea HMACs `PayloadContent` and sends `url.Values{"payload": …}.Encode()`
 * (go-gitea/gitea `services/webhook/deliver.go`, addDefaultHeaders). Verify and parse both read
 * the JSON through here, so the bytes checked are the bytes stored and parsed.
 *
 * Returns the JSON bytes, or why there are none. Exactly one `payload` field is required: with
 * two, one could be signed and the other parsed.
 */
export function formPayload(raw: Buffer): Buffer | { readonly problem: string } {
  let values: string[];
  try {
    values = new URLSearchParams(decodeUtf8(raw)).getAll('payload');
  } catch {
    return { problem: 'the form is not valid UTF-8' };
  }
  if (values.length === 0) return { problem: 'the form has no "payload" field' };
  if (values.length > 1) return { problem: 'the form has more than one "payload" field' };
  return Buffer.from(values[0], 'utf8');
}

/** A JSON body, or the JSON object in a form's `payload` field. */
export function parseJsonOrFormPayload(req: IncomingWebhook): Record<string, unknown> {
  if (req.contentType !== FORM_TYPE) return parseJsonObject(req.rawBody);
  const json = formPayload(req.rawBody);
  if ('problem' in json) throw new MalformedBodyError(json.problem);
  return parseJsonObject(json);
}

/** The receiver, verifying a form's `payload` JSON instead of the form bytes. */
export function verifyingFormPayload<Options>(
  receiver: Receiver<Options>,
  title: string,
): Receiver<Options> {
  return {
    ...receiver,
    verify(req, ctx) {
      if (req.contentType !== FORM_TYPE) return receiver.verify(req, ctx);
      const json = formPayload(req.rawBody);
      if ('problem' in json) return refuse(`${json.problem}, so ${title} cannot have signed it.`);
      return receiver.verify({ ...req, rawBody: json }, ctx);
    },
  };
}
