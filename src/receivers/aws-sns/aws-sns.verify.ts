import { verify as verifySignature } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { parseJsonObject } from '../shared/body';
import type { Fetcher } from '../shared/fetch/fetcher';
import { refuse } from '../shared/refusal';
import type { SnsCertificateSource } from './aws-sns.cert-source';
import { confirmSubscription } from './aws-sns.confirm';
import { readSnsMessage, snsDigest, snsStringToSign } from './aws-sns.message';
import { SNS_FUTURE_SKEW_SECONDS, type AwsSnsOptions } from './aws-sns.options';
import { checkSigningCertUrl, topicArnRegion } from './aws-sns.urls';

export interface SnsVerifyDeps {
  readonly fetcher: Fetcher;
  readonly certificates: SnsCertificateSource;
}

/**
 * Verify an SNS message: every check that needs no request first (shape, topic, cert URL,
 * region, age), then the certificate (fetched, checked, cached), then the signature; a verified
 * SubscriptionConfirmation is then confirmed (or refused) in confirmSubscription.
 */
export async function verifySnsRequest(
  deps: SnsVerifyDeps,
  req: IncomingWebhook,
  options: AwsSnsOptions,
  now: Date,
): Promise<VerifyResult> {
  // Raw message delivery sends the published text alone, with no signature at all
  // (https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html).
  if (req.headers['x-amz-sns-rawdelivery'] === 'true') {
    return refuse(
      'SNS raw message delivery is unsigned and cannot be verified; turn off "raw message delivery" on the subscription.',
    );
  }
  const read = readSnsMessage(parseJsonObject(req.rawBody));
  if (!read.ok) return refuse(read.message);
  const { message } = read;

  if (!options.topicArns.includes(message.TopicArn)) {
    return refuse(`TopicArn ${message.TopicArn} is not in this endpoint's options.topicArns.`);
  }
  const digest = snsDigest(message.SignatureVersion);
  if (!digest) return refuse(`SignatureVersion ${message.SignatureVersion} is not 1 or 2.`);
  const certUrl = checkSigningCertUrl(message.SigningCertURL);
  if (!certUrl.ok) return refuse(certUrl.message);
  const topicRegion = topicArnRegion(message.TopicArn)!;
  if (certUrl.region !== topicRegion) {
    return refuse(
      `SigningCertURL is refused (region ${certUrl.region}, but the topic is in ${topicRegion}).`,
    );
  }
  const stale = checkAge(message.Timestamp, options.maxAgeSeconds, now);
  if (stale) return refuse(stale, 'stale-timestamp');

  const certificate = await deps.certificates.publicKey(certUrl.url, options.trust, now);
  if (!certificate.ok) return refuse(certificate.message);
  const signature = Buffer.from(message.Signature, 'base64');
  if (!verifySignature(digest, snsStringToSign(message), certificate.publicKey, signature)) {
    return refuse(
      'The SNS signature does not match this message (was it changed after SNS signed it?).',
    );
  }

  if (message.Type === 'SubscriptionConfirmation') {
    const confirmed = await confirmSubscription(deps.fetcher, message, options, topicRegion);
    if (!confirmed.ok) return refuse(confirmed.message);
  }
  return { ok: true, secretIndex: 0 };
}

function checkAge(timestamp: string, maxAgeSeconds: number, now: Date): string | undefined {
  const at = Date.parse(timestamp);
  if (!Number.isFinite(at)) return `SNS Timestamp "${timestamp}" is not a time.`;
  const ageSeconds = (now.getTime() - at) / 1000;
  if (ageSeconds > maxAgeSeconds) {
    return `The SNS message was signed ${Math.round(ageSeconds)} s ago, more than options.maxAgeSeconds (${maxAgeSeconds}); a replay, or the gateway's clock is wrong.`;
  }
  if (ageSeconds < -SNS_FUTURE_SKEW_SECONDS) {
    return `The SNS message is dated ${Math.round(-ageSeconds)} s in the future; check the gateway's clock.`;
  }
  return undefined;
}
