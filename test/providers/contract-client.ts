import type { Response } from 'supertest';
import { ADMIN_TOKEN, postRaw, type TestApp } from '../helpers/test-app';
import { isApplicable, type ProviderCase, type WebhookRequest } from './provider-case';

/** POST a request exactly as made: path, headers and bytes. */
export function send(t: TestApp, request: WebhookRequest) {
  return postRaw(t, request.path, request.headers, request.body);
}

export function adminGet(t: TestApp, path: string) {
  return t.http().get(path).set('authorization', `Bearer ${ADMIN_TOKEN}`);
}

export interface Acknowledgement {
  id: string;
  duplicate: boolean;
}

/**
 * Check that `res` acknowledges a stored delivery the receiver's way, and read it: the default
 * `{ id, duplicate }` JSON body, or the receiver's own body with both in x-hookgate-* headers.
 */
export function acknowledgementOf(row: ProviderCase, res: Response): Acknowledgement {
  expect(res.status).toBe(200);
  if (row.acknowledgement === 'json') {
    expect(res.body).toEqual({ id: expect.any(String), duplicate: expect.any(Boolean) });
    return res.body as Acknowledgement;
  }
  expect(res.text).toBe(row.acknowledgement.text);
  if (row.acknowledgement.contentType)
    expect(res.headers['content-type']).toBe(row.acknowledgement.contentType);
  expect(res.headers['x-hookgate-duplicate']).toMatch(/^(true|false)$/);
  expect(res.headers['x-hookgate-delivery-id']).toEqual(expect.any(String));
  return {
    id: res.headers['x-hookgate-delivery-id'],
    duplicate: res.headers['x-hookgate-duplicate'] === 'true',
  };
}

/** Ids of the stored deliveries of the row's provider with this provider delivery id. */
export async function storedIdsWithDeliveryId(
  t: TestApp,
  row: ProviderCase,
  providerDeliveryId: string,
): Promise<string[]> {
  const list = await adminGet(t, `/admin/deliveries?provider=${row.provider}&limit=500`);
  expect(list.status).toBe(200);
  return (list.body.items as { id: string; providerDeliveryId: string | null }[])
    .filter((d) => d.providerDeliveryId === providerDeliveryId)
    .map((d) => d.id);
}

/** Neither an answer nor a stored delivery may hold a secret (nor its part after whsec_). */
export function expectNoSecretIn(row: ProviderCase, value: unknown): void {
  const text = JSON.stringify(value);
  const secrets = isApplicable(row.secrets) ? row.secrets : [];
  for (const secret of secrets) expect(text).not.toContain(secret.replace(/^whsec_/, ''));
}

/** A refusal: its status, the body `{ error, message }` (message matching when given), no secret. */
export function expectRefused(
  row: ProviderCase,
  res: Response,
  status: number,
  error: string,
  message?: RegExp,
): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    error,
    message: message ? expect.stringMatching(message) : expect.any(String),
  });
  expectNoSecretIn(row, res.body);
}

/**
 * The request with its credentials absent, or present but empty: the signature headers and
 * the query parameters that carry a secret (`?code=`).
 */
export function unsigned(
  row: ProviderCase,
  request: WebhookRequest,
  how: 'absent' | 'empty',
): WebhookRequest {
  const headers = { ...request.headers };
  const signatureHeaders = isApplicable(row.signatureHeaders) ? row.signatureHeaders : [];
  for (const name of signatureHeaders) {
    if (how === 'absent') delete headers[name];
    else headers[name] = '';
  }
  const [path, search = ''] = request.path.split('?');
  const query = new URLSearchParams(search);
  for (const name of row.signatureQueryParams ?? []) {
    if (how === 'absent') query.delete(name);
    else query.set(name, '');
  }
  const rest = query.toString();
  return { ...request, path: rest ? `${path}?${rest}` : path, headers };
}
