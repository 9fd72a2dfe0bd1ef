import busboy from 'busboy';
import type { IncomingWebhook } from '../receiver';
import { decodeUtf8, parseFormBody, parseJsonBody } from '../shared/body';

/**
 * Where the callback's JSON is: Dropbox Sign posts `multipart/form-data` with the event in a
 * field named `json` ("Callback Response Format", app.hellosign.com/api/eventsAndCallbacksWalkthrough;
 * the OpenAPI spec's EventCallbackAccountRequest). A form-urlencoded `json=` field and a plain
 * JSON body are read too. Returns the parsed object, or why there is none.
 */
export function readCallback(
  req: IncomingWebhook,
): { readonly callback: Record<string, unknown> } | { readonly problem: string } {
  try {
    const text =
      req.contentType === 'application/json'
        ? decodeUtf8(req.rawBody)
        : req.contentType === 'multipart/form-data'
          ? multipartJsonField(req)
          : parseFormBody(req.rawBody).json;
    if (text === undefined) return { problem: 'The body has no field named json' };
    const value = parseJsonBody(Buffer.from(text));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { callback: value as Record<string, unknown> }
      : { problem: 'The json field is not a JSON object' };
  } catch (error) {
    return { problem: `The body cannot be read (${(error as Error).message})` };
  }
}

/**
 * The `json` field of a multipart body, read with busboy. Busboy parses what it is given
 * synchronously, so the fields are known when `end` returns; a truncated or garbled body
 * yields no complete field, which reads as missing. Files are drained, never kept.
 */
function multipartJsonField(req: IncomingWebhook): string | undefined {
  const parser = busboy({
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    limits: { fieldSize: req.rawBody.length, fields: 20, files: 0 },
  });
  let json: string | undefined;
  parser.on('field', (name, value, info) => {
    if (name === 'json' && !info.valueTruncated) json = value;
  });
  parser.on('file', (_name, stream) => stream.resume());
  parser.on('error', () => undefined);
  parser.end(req.rawBody);
  return json;
}
