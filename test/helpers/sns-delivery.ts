import { sign } from 'node:crypto';

export const SNS_TOPIC_ARN = 'arn:aws:sns:us-west-2:123456789012:MyTopic';
export const SNS_CERT_URL =
  'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem';

/**
 * Sign an SNS message the way AWS's developer guide describes it ("Verifying the signatures of
 * Amazon SNS messages"), written here with node:crypto (not the receiver's helpers): each
 * signed name and value followed by a newline, in byte order, optional names only when present.
 */
export function signSnsMessage(
  fields: Record<string, string>,
  keyPem: string,
  signatureVersion: '1' | '2' = '2',
): Record<string, string> {
  const names =
    fields.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const text = names
    .filter((name) => fields[name] !== undefined)
    .map((name) => `${name}\n${fields[name]}\n`)
    .join('');
  const signature = sign(signatureVersion === '1' ? 'sha1' : 'sha256', Buffer.from(text), keyPem);
  return {
    ...fields,
    SignatureVersion: signatureVersion,
    Signature: signature.toString('base64'),
    SigningCertURL: fields.SigningCertURL ?? SNS_CERT_URL,
  };
}

/** The headers SNS sends with a message (AWS guide, "HTTP/HTTPS headers"). */
export function snsHeaders(message: Record<string, string>): Record<string, string> {
  return {
    'content-type': 'text/plain; charset=UTF-8',
    'x-amz-sns-message-type': message.Type,
    'x-amz-sns-message-id': message.MessageId,
    'x-amz-sns-topic-arn': message.TopicArn,
    'user-agent': 'Amazon Simple Notification Service Agent',
  };
}
