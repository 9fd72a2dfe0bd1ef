import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAwsSnsReceiver } from '../../../src/receivers/aws-sns/aws-sns.receiver';
import { RECEIVERS } from '../../../src/receivers/receivers';
import { fakePaypalFetch as fakeFetch } from '../../helpers/paypal-delivery';
import {
  SNS_CERT_URL,
  SNS_TOPIC_ARN,
  signSnsMessage,
  snsHeaders,
} from '../../helpers/sns-delivery';
import { snsTestPki } from '../../helpers/sns-pki';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const PATH = '/webhooks/aws-sns/orders';
/** AWS's sample Notification (fixtures/README.md), its placeholder signature dropped. */
const SAMPLE = JSON.parse(
  readFileSync(
    join(__dirname, '../../../src/receivers/aws-sns/fixtures/notification.json'),
    'utf8',
  ),
) as Record<string, string>;
delete SAMPLE.Signature;
delete SAMPLE.SignatureVersion;
/** Just after the test certificates are made, so they are valid. */
const CLOCK_START = new Date(Date.now() + 60_000);

/** Signed as AWS's guide says, by node:crypto in test/helpers/sns-delivery.ts. */
function message(at: Date, changes: Record<string, string> = {}, keyPem?: string) {
  return signSnsMessage(
    { ...SAMPLE, Timestamp: at.toISOString(), ...changes },
    keyPem ?? snsTestPki().leafKeyPem,
  );
}

function send(signed: Record<string, string>, body?: Buffer): WebhookRequest {
  return {
    path: PATH,
    headers: snsHeaders(signed),
    body: body ?? Buffer.from(JSON.stringify(signed)),
  };
}

export const awsSnsCase: ProviderCase = {
  name: 'AWS SNS',
  provider: 'aws-sns',
  endpoint: 'orders',
  app: () => {
    const pki = snsTestPki();
    const sns = fakeFetch({
      [`GET ${SNS_CERT_URL}`]: () => new Response(pki.chain, { status: 200 }),
    });
    return {
      endpoint: {
        provider: 'aws-sns',
        id: 'orders',
        options: { topicArns: [SNS_TOPIC_ARN], caPem: pki.rootPem },
      },
      receivers: RECEIVERS.map((r) =>
        r.name === 'aws-sns' ? createAwsSnsReceiver({ fetch: sns.fetch }) : r,
      ),
      clockStart: CLOCK_START,
    };
  },
  // A redelivery is the same message again (same MessageId); the key becomes the MessageId.
  sign: ({ at, key, body, secret }) => {
    if (body)
      return send(message(at, JSON.parse(body.toString()) as Record<string, string>, secret));
    return send(message(at, key ? { MessageId: key } : {}, secret));
  },
  secrets: notApplicable("SNS signs with its certificate's private key; no shared secret"),
  foreignSecret: {
    make: () =>
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    message: /does not match/,
  },
  signatureHeaders: notApplicable(
    'SNS carries its signature in the body (Signature, SigningCertURL), not in a header; a body without them is refused by the aws-sns specs',
  ),
  secretHeaders: [],
  get documented() {
    return {
      type: 'notification',
      providerDeliveryId: SAMPLE.MessageId,
      payload: message(CLOCK_START),
      payloadIncludes: { Subject: 'My First Message', Message: 'Hello world!' },
    };
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 20_000 },
  // Signed fields as published; sent with the Message changed after signing.
  get tamperings() {
    const signedFields = { Message: 'Hello world!' };
    return [
      {
        label: 'its Message changed after signing',
        signedBody: Buffer.from(JSON.stringify(signedFields)),
        sentBody: Buffer.from(
          JSON.stringify({ ...message(CLOCK_START, signedFields), Message: 'Hello world?' }),
        ),
      },
    ];
  },
  timestampWindow: { toleranceSeconds: 3_900 },
  acceptsTextPlain: notApplicable(
    'SNS posts its JSON as text/plain; charset=UTF-8 unless the delivery policy sets headerContentType',
  ),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    {
      label: 'is not JSON',
      request: (at) => ({ ...send(message(at)), body: Buffer.from('{"Type":"Notification",') }),
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
