import type { DescriptorExtras } from './descriptor-signer';

/**
 * What the descriptor-made signers need beyond their descriptor: the event sent when the caller
 * names none, for providers with a type header, and headers their own normalize reads.
 */
export const DESCRIPTOR_EXTRAS: Readonly<Record<string, DescriptorExtras>> = {
  bitbucket: { defaultType: 'repo:push' },
  buildkite: { defaultType: 'ping' },
  helpscout: { defaultType: 'convo.created' },
  woocommerce: { defaultType: 'order.created' },
};
