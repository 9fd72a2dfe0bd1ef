import { bundleTrustAnchors, type TrustAnchors } from '../shared/certificates/trust-anchors';
import { amazonTrustAnchors } from './aws-sns.amazon-cas';
import { topicArnRegion } from './aws-sns.urls';

export interface AwsSnsOptions {
  /** The topics this endpoint takes messages from; any other TopicArn is refused. */
  readonly topicArns: readonly string[];
  /** GET the SubscribeURL of a verified SubscriptionConfirmation (else refuse it, 403). */
  readonly confirmSubscriptions: boolean;
  /** How old a message's signed Timestamp may be. */
  readonly maxAgeSeconds: number;
  /** What the signing certificate must chain to (default: Amazon's roots). */
  readonly trust: TrustAnchors;
}

/**
 * SNS retries an HTTP delivery with the original message (same Timestamp and signature) for at
 * most an hour: "The total policy retry time for an HTTP/S endpoint cannot be greater than
 * 3,600 seconds" (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html).
 * The window is that hour plus 5 minutes of clock skew; older messages are replays.
 */
export const DEFAULT_SNS_MAX_AGE_SECONDS = 3_900;
/** A Timestamp ahead of the gateway's clock by more than this is refused too. */
export const SNS_FUTURE_SKEW_SECONDS = 300;

const KNOWN = ['topicArns', 'confirmSubscriptions', 'maxAgeSeconds', 'caPem'];

export function parseAwsSnsOptions(raw: Record<string, unknown> | undefined): AwsSnsOptions {
  const options = raw ?? {};
  const unknown = Object.keys(options).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0) {
    throw new Error(`unknown aws-sns option(s) ${unknown.join(', ')}; known: ${KNOWN.join(', ')}`);
  }
  // Required: a certificate proves SNS sent the message, not that it was meant for this
  // endpoint; anyone can publish to a topic of their own that points at this URL.
  const { topicArns } = options;
  if (
    !Array.isArray(topicArns) ||
    topicArns.length === 0 ||
    !topicArns.every((arn) => typeof arn === 'string' && topicArnRegion(arn) !== undefined)
  ) {
    throw new Error(
      'options.topicArns must list the SNS topic ARNs this endpoint accepts (arn:aws:sns:<region>:<account>:<topic>)',
    );
  }
  const confirm = options.confirmSubscriptions ?? false;
  if (typeof confirm !== 'boolean')
    throw new Error('options.confirmSubscriptions must be true or false');
  const maxAge = options.maxAgeSeconds ?? DEFAULT_SNS_MAX_AGE_SECONDS;
  if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 60) {
    throw new Error('options.maxAgeSeconds must be a whole number of seconds, at least 60');
  }
  let trust = amazonTrustAnchors();
  if (options.caPem !== undefined) {
    if (typeof options.caPem !== 'string') throw new Error('options.caPem must be PEM text');
    try {
      trust = bundleTrustAnchors(options.caPem);
    } catch (error) {
      throw new Error(`options.caPem: ${(error as Error).message}`);
    }
  }
  return {
    topicArns: topicArns as string[],
    confirmSubscriptions: confirm,
    maxAgeSeconds: maxAge,
    trust,
  };
}
