import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SignWebhookInput } from '../../src/testing';
import { TEST_CERT_URL } from '../helpers/paypal-delivery';
import { paypalTestPki } from '../helpers/paypal-pki';
import { SNS_CERT_URL } from '../helpers/sns-delivery';
import { snsTestPki } from '../helpers/sns-pki';
import { travisKeyPair } from '../helpers/travis-delivery';
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
  MessageBird: "the token's jti is random in the row's signer",
  'Vonage (signed webhooks JWT)': "the token's jti is random in the row's signer",
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
 * The certificate-signed rows: the private key that signs for the certificate (or pinned public
 * key) the row's endpoint trusts, and the certificate URL the row's fake fetch serves. The row's
 * own signer gets the same key, so its signature can be compared.
 */
const CERTIFICATE_SIGNED: Readonly<Record<string, (app: ProviderApp) => KitApp>> = {
  'aws-sns': (app) => withKey(app, snsTestPki().leafKeyPem, { signingCertUrl: SNS_CERT_URL }),
  paypal: (app) => withKey(app, paypalTestPki().leafKeyPem, { certUrl: TEST_CERT_URL }),
  'travis-ci': (app) => {
    const { privateKeyPem, publicKeyPem } = travisKeyPair();
    const pinned = { ...app, endpoint: { ...app.endpoint, secrets: [publicKeyPem] } };
    return withKey(pinned, privateKeyPem, {});
  },
};

function withKey(
  app: ProviderApp,
  privatePem: string,
  kitOptions: Record<string, unknown>,
): KitApp {
  const options = app.endpoint.options as Record<string, unknown> | undefined;
  return {
    ...app,
    signWith: { secret: privatePem },
    kitInput: { secret: privatePem, options: { ...options, ...kitOptions } },
  };
}

/**
 * The row's app, with what the public-key rows need for the kit to sign: the endpoint gets a
 * public key whose private key the test holds, besides the row's own keys.
 */
export function publicKeyOverrides(row: ProviderCase): KitApp {
  const app = row.app();
  const certificateSigned = CERTIFICATE_SIGNED[row.provider];
  if (certificateSigned) return certificateSigned(app);
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
