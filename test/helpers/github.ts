import { createHmac, randomUUID } from 'node:crypto';
import { postRaw, type TestApp } from './test-app';

/**
 * Signs like GitHub does, with node:crypto directly (not the receiver's own signer), so the
 * end-to-end tests check the receiver against an independent implementation.
 */
export function githubSignature(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function githubHeaders(
  secret: string,
  body: Buffer | string,
  event: string,
  delivery: string = randomUUID(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': delivery,
    'x-hub-signature-256': githubSignature(secret, body),
    'user-agent': 'GitHub-Hookshot/test',
  };
}

/** POST `body` to the `acme` GitHub endpoint of the test config, signed with `secret`. */
export function postGithub(
  t: TestApp,
  secret: string,
  body: Buffer | string,
  event: string,
  delivery?: string,
): ReturnType<typeof postRaw> {
  return postRaw(t, '/webhooks/github/acme', githubHeaders(secret, body, event, delivery), body);
}
