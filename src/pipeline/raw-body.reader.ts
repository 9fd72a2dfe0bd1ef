import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import {
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  WebhookError,
} from '../errors/webhook-errors';

/**
 * Read the request's exact bytes, refusing (413) as soon as the declared or streamed size
 * passes `limit`: nothing past the limit is buffered.
 *
 * When a body parser already consumed the stream (a host app with Nest's default parsers),
 * the bytes are only available if the app kept them (`rawBody: true`); otherwise verification
 * is impossible and we say how to fix it rather than verifying a re-serialization.
 */
export async function readRawBody(
  req: IncomingMessage & { rawBody?: unknown; body?: unknown },
  limit: number,
): Promise<Buffer> {
  const kept = req.rawBody;
  if (Buffer.isBuffer(kept)) {
    if (kept.length > limit) throw tooLarge(limit);
    return kept;
  }
  if (Buffer.isBuffer(req.body)) return req.body;
  if (req.readableEnded || (req.body !== undefined && !isEmptyObject(req.body))) {
    throw new Error(
      'The body was parsed before verification: the raw bytes are needed. Create the Nest app ' +
        'with { bodyParser: false } (the gateway does) or { rawBody: true }.',
    );
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new UnsupportedMediaTypeError(`Content-Encoding: ${encoding}`, ['identity']);
  }
  try {
    return await getRawBody(req, { length: req.headers['content-length'], limit });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 413) throw tooLarge(limit);
    // Aborted or length-mismatched requests: the sender broke the request, not us.
    throw new WebhookError(
      400,
      'malformed',
      `The body could not be read: ${(error as Error).message}.`,
    );
  }
}

function tooLarge(limit: number): PayloadTooLargeError {
  const error = new PayloadTooLargeError(limit);
  // The rest of the body will not be read, so the connection cannot be reused.
  error.headers.Connection = 'close';
  return error;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
