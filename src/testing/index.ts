/**
 * Placeholder for the testing kit (issue 30 item 4), written on another branch: the same
 * exports and signatures, so the CLI compiles. Replaced whole when the branches merge.
 */
export class SignWebhookError extends Error {
  override name = 'SignWebhookError';
}

export interface SignWebhookInput {
  readonly secret: string;
  readonly payload?: unknown;
  readonly body?: string | Buffer;
  readonly type?: string;
  readonly url?: string;
  readonly now?: Date;
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface SignedWebhook {
  readonly method: 'POST';
  readonly url?: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export function signWebhook(_provider: string, _input: SignWebhookInput): SignedWebhook {
  throw new SignWebhookError('not yet: the testing kit is on another branch.');
}

export function samplePayload(_provider: string, _type?: string): unknown {
  throw new SignWebhookError('not yet: the testing kit is on another branch.');
}
