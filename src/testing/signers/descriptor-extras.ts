import type { DescriptorExtras } from './descriptor-signer';
import type { SignInput } from './signer';

const gitForge = (forge: string, defaultType: string): DescriptorExtras => ({
  defaultType,
  typeHeader: `x-${forge}-event`,
  idHeader: `x-${forge}-delivery`,
});

/**
 * What the descriptor-made signers need beyond their descriptor: the event sent when the caller
 * names none, headers the provider's own normalize reads, and timestamp and list spellings.
 */
export const DESCRIPTOR_EXTRAS: Readonly<Record<string, DescriptorExtras>> = {
  bitbucket: { defaultType: 'repo:push' },
  box: {
    isoSeconds: '+00:00',
    headers: () => ({ 'box-signature-version': '1', 'box-signature-algorithm': 'HmacSHA256' }),
  },
  buildkite: { defaultType: 'ping' },
  gitea: {
    ...gitForge('gitea', 'push'),
    headers: (input: SignInput) => ({ 'x-gitea-event-type': input.type ?? 'push' }),
  },
  gogs: gitForge('gogs', 'push'),
  helpscout: { defaultType: 'convo.created' },
  sanity: {
    defaultType: 'update',
    typeHeader: 'sanity-operation',
    idHeader: 'idempotency-key',
  },
  sentry: {
    defaultType: 'installation',
    typeHeader: 'sentry-hook-resource',
    idHeader: 'request-id',
  },
  shopify: {
    defaultType: 'orders/create',
    typeHeader: 'x-shopify-topic',
    idHeader: 'x-shopify-event-id',
    headers: (input: SignInput) => ({
      'x-shopify-webhook-id': input.id,
      'x-shopify-triggered-at': input.now.toISOString(),
    }),
  },
  twitch: {
    defaultType: 'channel.follow',
    typeHeader: 'twitch-eventsub-subscription-type',
    headers: () => ({
      'twitch-eventsub-message-type': 'notification',
      'twitch-eventsub-message-retry': '0',
      'twitch-eventsub-subscription-version': '2',
    }),
  },
  woocommerce: { defaultType: 'order.created' },
  workos: { listSeparator: ', ' },
  zendesk: { isoSeconds: 'Z' },
};
