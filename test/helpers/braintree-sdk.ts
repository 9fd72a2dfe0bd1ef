/**
 * The braintree SDK (braintree_node), typed for the calls the tests make: it ships no types.
 * `webhookTesting.sampleNotification` signs as Braintree does; `webhookNotification.parse`
 * and `verify` are the SDK's own verifier and challenge answer.
 */
export interface BraintreeSdkGateway {
  readonly webhookTesting: {
    sampleNotification(kind: string, id: string): { bt_signature: string; bt_payload: string };
    sampleSignature(payload: string): string;
  };
  readonly webhookNotification: {
    parse(signature: string, payload: string): Promise<{ kind: string; timestamp: string }>;
    verify(challenge: string): string;
  };
}

interface BraintreeSdk {
  readonly BraintreeGateway: new (config: Record<string, unknown>) => BraintreeSdkGateway;
  readonly Environment: { readonly Sandbox: unknown };
  readonly WebhookNotification: { readonly Kind: Readonly<Record<string, string>> };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('braintree') as BraintreeSdk;

export const BRAINTREE_KIND = sdk.WebhookNotification.Kind;

/** A gateway of the SDK holding one key pair. */
export function braintreeGateway(publicKey: string, privateKey: string): BraintreeSdkGateway {
  return new sdk.BraintreeGateway({
    environment: sdk.Environment.Sandbox,
    merchantId: 'merchant',
    publicKey,
    privateKey,
  });
}
