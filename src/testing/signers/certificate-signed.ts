import { sign } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { formFields } from './encoding';
import { isRecord, jsonBuffer, jsonObjectOf } from './body-json';
import { privateKeyOf } from './public-key';
import { SignWebhookError, type Signer } from './signer';

/**
 * The providers that sign with the private key of a certificate (AWS SNS, PayPal) or of a
 * published key (Travis CI): `secret` is that private key (PEM); where the certificate comes
 * from a URL the provider sends, the kit's option names it.
 */

const stringOption = (options: Readonly<Record<string, unknown>>, name: string) =>
  typeof options[name] === 'string' ? options[name] : undefined;

const SNS_CONFIRMATION_NAMES = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
];

/** The names SNS signs, in byte order, per message type (AWS guide, "Verifying signatures"). */
const SNS_SIGNED_NAMES: Readonly<Record<string, readonly string[]>> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: SNS_CONFIRMATION_NAMES,
  UnsubscribeConfirmation: SNS_CONFIRMATION_NAMES,
};

/**
 * AWS SNS, SignatureVersion 2: RSA SHA-256 over each signed name and value followed by a
 * newline; the message is the JSON body, sent as text/plain with the x-amz-sns-* headers.
 * `options.signingCertUrl` is the certificate URL written into SigningCertURL.
 */
export const awsSnsSigner: Signer = {
  contentType: 'text/plain; charset=UTF-8',
  secretMeans:
    "the PEM private key of the SNS signing certificate the endpoint trusts (options.signingCertUrl: the certificate's URL)",
  defaultType: 'Notification',
  preparePayload: (payload, now) =>
    isRecord(payload) ? { ...payload, Timestamp: now.toISOString() } : payload,
  sign(input) {
    const key = privateKeyOf(input.secret, 'AWS SNS');
    const message = jsonObjectOf(input.body, 'AWS SNS');
    const certUrl =
      stringOption(input.options, 'signingCertUrl') ?? stringOption(message, 'SigningCertURL');
    if (!certUrl) {
      throw new SignWebhookError('AWS SNS: pass options.signingCertUrl, the certificate URL.');
    }
    const type = typeof message.Type === 'string' ? message.Type : 'Notification';
    const names = SNS_SIGNED_NAMES[type];
    if (!names) throw new SignWebhookError(`AWS SNS: Type ${JSON.stringify(type)} is unknown.`);
    const text = names
      .filter((name) => message[name] !== undefined)
      .map((name) => `${name}\n${String(message[name])}\n`)
      .join('');
    const signed = {
      ...message,
      Type: type,
      SignatureVersion: '2',
      Signature: sign('sha256', Buffer.from(text, 'utf8'), key).toString('base64'),
      SigningCertURL: certUrl,
    };
    const headers: Record<string, string> = { 'x-amz-sns-message-type': type };
    if (typeof message.MessageId === 'string') headers['x-amz-sns-message-id'] = message.MessageId;
    if (typeof message.TopicArn === 'string') headers['x-amz-sns-topic-arn'] = message.TopicArn;
    headers['user-agent'] = 'Amazon Simple Notification Service Agent';
    return { headers, body: jsonBuffer(signed) };
  },
};

/**
 * PayPal: SHA256withRSA over `transmissionId|transmissionTime|webhookId|crc32(body)`, with the
 * PAYPAL-* headers. The transmission id is the kit's `id`; `options.webhookId` is the
 * endpoint's, `options.certUrl` the certificate URL sent in PAYPAL-CERT-URL.
 */
export const paypalSigner: Signer = {
  contentType: 'application/json',
  secretMeans:
    "the PEM private key of the PayPal certificate the endpoint trusts (options.certUrl: the certificate's URL; options.webhookId: the endpoint's)",
  idHeader: 'paypal-transmission-id',
  sign(input) {
    const key = privateKeyOf(input.secret, 'PayPal');
    const webhookId = stringOption(input.options, 'webhookId');
    const certUrl = stringOption(input.options, 'certUrl');
    if (!webhookId || !certUrl) {
      throw new SignWebhookError('PayPal: pass options.webhookId and options.certUrl.');
    }
    const time = input.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const crc = crc32(input.body) >>> 0;
    const signed = `${input.id}|${time}|${webhookId}|${crc}`;
    return {
      headers: {
        'paypal-transmission-id': input.id,
        'paypal-transmission-time': time,
        'paypal-transmission-sig': sign('sha256', Buffer.from(signed), key).toString('base64'),
        'paypal-cert-url': certUrl,
        'paypal-auth-algo': 'SHA256withRSA',
        'paypal-auth-version': 'v2',
      },
    };
  },
};

/** `owner/name` of the payload's repository, which Travis sends in Travis-Repo-Slug. */
function repoSlug(payload: string): string | undefined {
  try {
    const repository = (JSON.parse(payload) as { repository?: Record<string, unknown> }).repository;
    const owner = repository?.owner_name;
    const name = repository?.name;
    return typeof owner === 'string' && typeof name === 'string' ? `${owner}/${name}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Travis CI: base64 RSA SHA-1 signature over the form field `payload` (the build as JSON), in
 * the Signature header. A body that is already such a form is signed as it is; any other body
 * is the payload.
 */
export const travisCiSigner: Signer = {
  contentType: 'application/x-www-form-urlencoded',
  secretMeans:
    'the PEM private key whose public key the endpoint pins in its secrets (or its API serves at /config)',
  sign(input) {
    const key = privateKeyOf(input.secret, 'Travis CI');
    const payload = formFields(input.body).payload ?? input.body.toString('utf8');
    const slug = repoSlug(payload);
    return {
      headers: {
        signature: sign('sha1', Buffer.from(payload, 'utf8'), key).toString('base64'),
        ...(slug && { 'travis-repo-slug': slug }),
        'user-agent': 'Travis CI Notifications',
      },
      body: Buffer.from(new URLSearchParams({ payload }).toString(), 'utf8'),
    };
  },
};
