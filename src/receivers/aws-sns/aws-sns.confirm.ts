import { HandshakeRefusedError } from '../../errors/webhook-errors';
import { fetchOrUnavailable, type Fetcher } from '../shared/fetch/fetcher';
import type { AwsSnsOptions } from './aws-sns.options';
import type { SnsMessage } from './aws-sns.message';
import { checkSubscribeUrl } from './aws-sns.urls';

export type SubscribeCheck = { ok: true } | { ok: false; message: string };

/**
 * Confirm a verified SubscriptionConfirmation by GET of its SubscribeURL, the way AWS's guide says
 * (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html), only when the
 * endpoint allows it and only on an SNS host in the topic's region. Refusals name the topic,
 * never the token (it would let a reader confirm the subscription).
 */
export async function confirmSubscription(
  fetcher: Fetcher,
  message: SnsMessage,
  options: AwsSnsOptions,
  topicRegion: string,
): Promise<SubscribeCheck> {
  const url = checkSubscribeUrl(message.SubscribeURL ?? '');
  if (!url.ok) return url;
  if (url.region !== topicRegion) {
    return {
      ok: false,
      message: `SubscribeURL is refused (region ${url.region}, but the topic is in ${topicRegion}).`,
    };
  }
  if (!options.confirmSubscriptions) {
    throw new HandshakeRefusedError(
      `SNS asked to confirm a subscription to ${message.TopicArn}; this endpoint does not confirm ` +
        'subscriptions. Set options.confirmSubscriptions: true and request confirmation again in ' +
        'the SNS console, or confirm it there (or with ConfirmSubscription) yourself.',
    );
  }
  const response = await fetchOrUnavailable(
    fetcher,
    url.url,
    { method: 'GET' },
    { what: `Confirming the SNS subscription to ${message.TopicArn}`, provider: 'AWS SNS' },
  );
  // Drain the body: SNS answers an XML ConfirmSubscriptionResponse nobody needs here.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status !== 200) {
    throw new HandshakeRefusedError(
      `SNS refused to confirm the subscription to ${message.TopicArn} (${response.status}); ` +
        'request confirmation again in the SNS console.',
    );
  }
  return { ok: true };
}
