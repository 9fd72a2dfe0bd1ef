import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { timeoutFetcher, type Fetcher } from '../shared/fetch/fetcher';
import { SnsCertificateSource } from './aws-sns.cert-source';
import { normalizeSnsMessage } from './aws-sns.events';
import { parseAwsSnsOptions, type AwsSnsOptions } from './aws-sns.options';
import { verifySnsRequest } from './aws-sns.verify';

export interface AwsSnsReceiverDeps {
  /** Certificates and subscription confirmations. Default: global fetch with a 5 s timeout. */
  readonly fetch?: Fetcher;
}

/**
 * Amazon SNS HTTP(S) subscriptions: messages signed with the key of a certificate SNS names in
 * the message (SigningCertURL), checked and cached here. The instance holds the certificate
 * cache, so one instance serves every SNS endpoint.
 */
export function createAwsSnsReceiver(deps: AwsSnsReceiverDeps = {}): Receiver<AwsSnsOptions> {
  const fetcher = deps.fetch ?? timeoutFetcher();
  const certificates = new SnsCertificateSource(fetcher);

  return {
    name: 'aws-sns',
    // SNS sends text/plain unless the subscription's delivery policy sets headerContentType
    // (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html); the body is
    // the same JSON document whichever it names.
    contentTypes: ['text/plain', 'application/json', 'application/xml'],
    profile: { schemes: ['rsa-cert'], handshakes: ['confirm-url'], signsTimestamp: true },
    // "The connection will time out in 15 seconds"
    // (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html).
    ackDeadlineMs: 15_000,
    // The key comes from SNS's certificate; an endpoint holds no shared secret.
    requiresSecret: false,

    parseOptions: parseAwsSnsOptions,

    verify: (req, { options, now }) =>
      verifySnsRequest({ fetcher, certificates }, req, options, now),

    parse: (req) => parseJsonObject(req.rawBody),

    // Reached only after verify confirmed the subscription: answered, never stored.
    handshakeAfterVerify(_req, payload) {
      const message = payload as Record<string, unknown>;
      if (message.Type !== 'SubscriptionConfirmation') return undefined;
      return { status: 200, body: { confirmed: true, topicArn: message.TopicArn } };
    },

    normalize: normalizeSnsMessage,
  };
}

export const awsSnsReceiver = createAwsSnsReceiver();
