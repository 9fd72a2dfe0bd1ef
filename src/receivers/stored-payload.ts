import type { Receiver } from './receiver';

export interface StoredBody {
  rawBody: Buffer | null;
  contentType: string | null;
  headers: Record<string, string>;
}

/**
 * Parse a stored delivery's raw bytes with its receiver. The store keeps the bytes the provider
 * sent, never a re-serialization, so the payload is derived the same way at every read.
 * Returns null when there is nothing to parse or the bytes do not parse.
 */
export function parseStoredPayload(
  receiver: Receiver<unknown> | undefined,
  stored: StoredBody,
): unknown {
  if (!receiver || !stored.rawBody) return null;
  try {
    return receiver.parse({
      method: 'POST',
      url: '',
      query: {},
      headers: stored.headers,
      rawBody: stored.rawBody,
      contentType: stored.contentType ?? undefined,
    });
  } catch {
    return null;
  }
}
