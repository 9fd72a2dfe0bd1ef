import { createHmac } from 'node:crypto';

export type DigestEncoding = 'hex' | 'base64' | 'base64url';

/** HMAC of the parts in order, encoded as the provider writes it (base64url unpadded). */
export function hmacDigest(
  algorithm: string,
  key: Buffer | string,
  parts: readonly (string | Buffer)[],
  encoding: DigestEncoding,
): string {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest(encoding);
}

/** A form body the way browsers and most providers encode it (`+` for spaces). */
export function formBody(fields: Readonly<Record<string, unknown>>): Buffer {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return Buffer.from(form.toString(), 'utf8');
}

/** The fields of a form body, in order (repeated names keep their last value). */
export function formFields(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

export const jsonBody = (payload: unknown): Buffer => Buffer.from(JSON.stringify(payload), 'utf8');

export const unixSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);
