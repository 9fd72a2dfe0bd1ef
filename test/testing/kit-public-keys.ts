import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SignWebhookInput } from '../../src/testing';
import type { ProviderApp, ProviderCase, SigningInput } from '../providers/provider-case';

/**
 * Rows (by name) whose signature the kit cannot reproduce byte for byte, and why: the comparison
 * is skipped for them (acceptance is still checked).
 */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  'Twitch EventSub': 'the row writes nanoseconds into the signed timestamp, the kit milliseconds',
  'Buildkite (token)': 'the kit signs Buildkite deliveries; this row sends the plain token',
  Discord: "the row's private key stays in its case; the kit signs with a pair of its own",
  Telnyx: "the row's private key stays in its case; the kit signs with a pair of its own",
  SendGrid: 'ECDSA signatures differ on every signing',
};

export interface KitApp extends ProviderApp {
  /** Input for the row's own signer (PayPal, SNS: the private key of the row's PKI). */
  readonly signWith?: Partial<SigningInput>;
  /** Input for signWebhook besides what kitInputFor derives. */
  readonly kitInput?: Partial<SignWebhookInput>;
}

const rawEd25519 = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).subarray(-32);

/** A key pair for the endpoint, the public key shown as the provider shows it. */
const PAIRS: Readonly<Record<string, () => { shown: string; privatePem: string }>> = {
  discord: () => pair('ed25519', (key) => rawEd25519(key).toString('hex')),
  telnyx: () => pair('ed25519', (key) => rawEd25519(key).toString('base64')),
  sendgrid: () =>
    pair('ec', (key) => key.export({ type: 'spki', format: 'der' }).toString('base64')),
};

function pair(kind: 'ed25519' | 'ec', show: (key: KeyObject) => string) {
  const { publicKey, privateKey } =
    kind === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { shown: show(publicKey), privatePem };
}

/**
 * The row's app, with what the public-key rows need for the kit to sign: the endpoint gets a
 * public key whose private key the test holds, besides the row's own keys.
 */
export function publicKeyOverrides(row: ProviderCase): KitApp {
  const app = row.app();
  const makePair = PAIRS[row.provider];
  if (!makePair) return app;
  const { shown, privatePem } = makePair();
  const secrets = (app.endpoint.secrets as string[] | undefined) ?? [];
  return {
    ...app,
    endpoint: { ...app.endpoint, secrets: [shown, ...secrets] },
    kitInput: { secret: privatePem },
  };
}
