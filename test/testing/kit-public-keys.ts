import type { SignWebhookInput } from '../../src/testing';
import type { ProviderApp, ProviderCase, SigningInput } from '../providers/provider-case';

/**
 * Rows (by name) whose signature the kit cannot reproduce byte for byte, and why: the comparison is
 * skipped for them (acceptance is still checked).
 */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  'Twitch EventSub': 'the row writes nanoseconds into the signed timestamp, the kit milliseconds',
  'Buildkite (token)': 'the kit signs Buildkite deliveries; this row sends the plain token',
};

export interface KitApp extends ProviderApp {
  /** Input for the row's own signer (PayPal, SNS: the private key of the row's PKI). */
  readonly signWith?: Partial<SigningInput>;
  /** Input for signWebhook besides what kitInputFor derives. */
  readonly kitInput?: Partial<SignWebhookInput>;
}

/** The row's app, with what the public-key rows need for the kit to sign. */
export function publicKeyOverrides(row: ProviderCase): KitApp {
  return row.app();
}
