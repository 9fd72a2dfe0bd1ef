import { readFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fakePaypalFetch as fakeFetch } from '../../../test/helpers/paypal-delivery';
import { amazonTrustAnchors } from './aws-sns.amazon-cas';
import { createAwsSnsReceiver } from './aws-sns.receiver';
import { context, pki, request, signed, snsReceiver } from './aws-sns.receiver.spec-helpers';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MessageValidator = require('sns-validator') as new () => {
  validate(message: object, cb: (err: Error | null) => void): void;
};

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const RUBY_CERT_URL =
  'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem';
const AMAZON_ROOT_CA_1 = amazonTrustAnchors().certificates.find((c) =>
  /Root CA 1$/.test(c.subject),
)!;

/**
 * Messages SNS itself signed, published with their certificate in AWS's SDK for Ruby specs
 * (fixtures/README.md): the receiver must accept them as SNS sent them, with the clock inside
 * the certificate's validity and its real issuer (Amazon Server CA 1B) under Amazon Root CA 1.
 */
describe('aws-sns: messages signed by SNS (AWS SDK for Ruby vectors)', () => {
  const fake = fakeFetch({
    [`GET ${RUBY_CERT_URL}`]: () =>
      new Response(read('aws-sdk-ruby-signing-cert.pem'), { status: 200 }),
  });
  const receiver = createAwsSnsReceiver({ fetch: fake.fetch });
  const ctx = (message: Record<string, string>) =>
    context(
      {
        topicArns: [message.TopicArn],
        caPem: read('amazon-server-ca-1b.pem') + AMAZON_ROOT_CA_1.toString(),
      },
      new Date('2022-07-28T21:30:00Z'),
    );

  it.each(['aws-sdk-ruby-notification-v1.json', 'aws-sdk-ruby-notification-v2.json'])(
    'accepts %s and refuses it changed',
    async (name) => {
      const raw = read(name);
      const message = JSON.parse(raw) as Record<string, string>;
      const req = { ...request(message), rawBody: Buffer.from(raw) };
      expect(await receiver.verify(req, ctx(message))).toEqual({ ok: true, secretIndex: 0 });
      const changed = { ...message, Message: 'Hello world!' };
      expect(await receiver.verify(request(changed), ctx(message))).toMatchObject({ ok: false });
    },
  );

  it('refuses them under the default trust: their issuer is not one it ships', async () => {
    const message = JSON.parse(read('aws-sdk-ruby-notification-v2.json')) as Record<string, string>;
    const result = await receiver.verify(request(message), {
      ...ctx(message),
      options: { ...ctx(message).options, trust: amazonTrustAnchors() },
    });
    expect(result).toMatchObject({ ok: false, message: /does not chain to a trusted CA/ });
  });
});

/**
 * AWS's own validator (sns-validator, aws/aws-js-sns-message-validator) as an independent
 * verifier of the messages the tests sign: it fetches certificates with https.get, so that is
 * stubbed to serve the test leaf, as its own tests stub getCertificate.
 */
describe('aws-sns: AWS sns-validator agrees on the test-signed messages', () => {
  beforeEach(() => {
    jest.spyOn(https, 'get').mockImplementation(((_url: string, cb: (res: PassThrough) => void) => {
      const res = Object.assign(new PassThrough(), { statusCode: 200 });
      process.nextTick(() => {
        cb(res);
        res.end(pki.leafPem);
      });
      return new PassThrough();
    }) as unknown as typeof https.get);
  });
  afterEach(() => jest.restoreAllMocks());

  const validate = (message: object) =>
    new Promise<void>((resolve, reject) =>
      new MessageValidator().validate(message, (err) => (err ? reject(err) : resolve())),
    );

  it.each([
    ['notification.json', '1'],
    ['notification.json', '2'],
    ['subscription-confirmation.json', '2'],
  ] as const)(
    '%s, SignatureVersion %s: both accept it, both refuse it changed',
    async (name, v) => {
      const message = signed(name, {}, v);
      const { receiver } = snsReceiver({
        'GET https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37...':
          () => new Response('', { status: 200 }),
      });
      const ctx = context({ confirmSubscriptions: true });
      await expect(validate(message)).resolves.toBeUndefined();
      expect(await receiver.verify(request(message), ctx)).toEqual({ ok: true, secretIndex: 0 });
      const changed = { ...message, Message: `${message.Message}!` };
      await expect(validate(changed)).rejects.toThrow(/signature is invalid/);
      expect(await receiver.verify(request(changed), ctx)).toMatchObject({ ok: false });
    },
  );
});
