/**
 * An SNS HTTP(S) message and the string SNS signs for it. Facts from AWS's developer guide
 * ("Verifying the signatures of Amazon SNS messages" and "Parsing message formats",
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html): each signed
 * name, then its value, each followed by a newline, names in byte order, optional ones only
 * when present.
 */
export type SnsMessageType =
  'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

export interface SnsMessage {
  readonly Type: SnsMessageType;
  readonly MessageId: string;
  readonly TopicArn: string;
  readonly Message: string;
  readonly Timestamp: string;
  readonly SignatureVersion: string;
  readonly Signature: string;
  readonly SigningCertURL: string;
  readonly Subject?: string;
  readonly SubscribeURL?: string;
  readonly Token?: string;
}

const NOTIFICATION_KEYS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
/** SubscriptionConfirmation and UnsubscribeConfirmation sign the same names (AWS guide). */
const CONFIRMATION_KEYS = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
];
const REQUIRED = [
  'Type',
  'MessageId',
  'TopicArn',
  'Message',
  'Timestamp',
  'SignatureVersion',
  'Signature',
  'SigningCertURL',
];
const TYPES: readonly string[] = [
  'Notification',
  'SubscriptionConfirmation',
  'UnsubscribeConfirmation',
];

export type SnsMessageRead = { ok: true; message: SnsMessage } | { ok: false; message: string };

/** Check a parsed body has what an SNS message must have, as strings. */
export function readSnsMessage(body: Record<string, unknown>): SnsMessageRead {
  const missing = REQUIRED.filter((key) => typeof body[key] !== 'string');
  if (missing.length > 0) {
    return {
      ok: false,
      message: `This is not a signed SNS message: ${missing.join(', ')} missing.`,
    };
  }
  if (!TYPES.includes(body.Type as string)) {
    return { ok: false, message: `SNS message Type "${String(body.Type)}" is not one SNS sends.` };
  }
  const keys = body.Type === 'Notification' ? [] : ['SubscribeURL', 'Token'];
  const absent = keys.filter((key) => typeof body[key] !== 'string');
  if (absent.length > 0) {
    return { ok: false, message: `This ${String(body.Type)} has no ${absent.join(', ')}.` };
  }
  for (const optional of ['Subject', 'SubscribeURL', 'Token']) {
    if (body[optional] !== undefined && typeof body[optional] !== 'string') {
      return { ok: false, message: `SNS message ${optional} is not a string.` };
    }
  }
  return { ok: true, message: body as unknown as SnsMessage };
}

/** The exact bytes SNS signed for this message. */
export function snsStringToSign(message: SnsMessage): Buffer {
  const keys = message.Type === 'Notification' ? NOTIFICATION_KEYS : CONFIRMATION_KEYS;
  const fields = message as unknown as Record<string, string | undefined>;
  const text = keys
    .filter((key) => fields[key] !== undefined)
    .map((key) => `${key}\n${fields[key]}\n`)
    .join('');
  return Buffer.from(text, 'utf8');
}

/** SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA; any other is refused. */
export function snsDigest(signatureVersion: string): 'sha1' | 'sha256' | undefined {
  if (signatureVersion === '1') return 'sha1';
  if (signatureVersion === '2') return 'sha256';
  return undefined;
}
