import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakePaypalFetch as fakeFetch } from '../../../test/helpers/paypal-delivery';
import { amazonTrustAnchors } from './aws-sns.amazon-cas';
import { AMAZON_RSA_2048_INTERMEDIATES } from './aws-sns.amazon-intermediates';
import { parseAwsSnsOptions } from './aws-sns.options';
import { createAwsSnsReceiver } from './aws-sns.receiver';
import { request } from './aws-sns.receiver.spec-helpers';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const AMAZON_ROOT_CA_1 = amazonTrustAnchors().certificates.find((c) =>
  /Root CA 1$/.test(c.subject),
)!;

describe('aws-sns: shipped Amazon CA facts', () => {
  it.each(Object.entries(AMAZON_RSA_2048_INTERMEDIATES))(
    '%s is a CA signed by Amazon Root CA 1 as Node ships it',
    (name, pem) => {
      const intermediate = new X509Certificate(pem);
      expect(intermediate.subject.split('\n').pop()).toBe(`CN=${name}`);
      expect(intermediate.ca).toBe(true);
      expect(intermediate.checkIssued(AMAZON_ROOT_CA_1)).toBe(true);
      expect(intermediate.verify(AMAZON_ROOT_CA_1.publicKey)).toBe(true);
    },
  );

  it('ships M01 to M04', () => {
    expect(Object.keys(AMAZON_RSA_2048_INTERMEDIATES)).toEqual([
      'Amazon RSA 2048 M01',
      'Amazon RSA 2048 M02',
      'Amazon RSA 2048 M03',
      'Amazon RSA 2048 M04',
    ]);
  });

  it('the default anchors are exactly Amazon Root CA 1 to 4', () => {
    expect(amazonTrustAnchors().certificates.map((c) => c.subject.split('\n').pop())).toEqual([
      'CN=Amazon Root CA 1',
      'CN=Amazon Root CA 2',
      'CN=Amazon Root CA 3',
      'CN=Amazon Root CA 4',
    ]);
  });
});

/**
 * Messages SNS signed in 2026 with a leaf issued by Amazon RSA 2048 M01, published in AWS's SDK
 * for Java v2 (fixtures/README.md). SNS serves the leaf alone, so they verify under the default
 * trust only through the shipped intermediate: no caPem, nothing but the leaf is fetched.
 */
describe('aws-sns: messages signed by SNS under the default trust (AWS SDK for Java v2)', () => {
  const CERT_URL =
    'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem';
  const TOPIC = 'arn:aws:sns:us-west-2:131990247566:dongie-standard-topic';
  const ctx = (now: Date) => ({
    secrets: [],
    now,
    options: parseAwsSnsOptions({ topicArns: [TOPIC] }),
  });
  const fixtures = [
    'aws-sdk-java-v2-notification-v2.json',
    'aws-sdk-java-v2-unsubscribe-confirmation.json',
  ];

  it.each(fixtures)('accepts %s as SNS sent it, refuses it changed', async (name) => {
    const fake = fakeFetch({
      [`GET ${CERT_URL}`]: () => new Response(read('aws-sdk-java-v2-signing-cert.pem')),
    });
    const receiver = createAwsSnsReceiver({ fetch: fake.fetch });
    const raw = read(name);
    const message = JSON.parse(raw) as Record<string, string>;
    const now = new Date('2026-03-06T20:10:00Z');
    const req = { ...request(message), rawBody: Buffer.from(raw) };
    expect(await receiver.verify(req, ctx(now))).toEqual({ ok: true, secretIndex: 0 });
    const changed = { ...message, Message: `${message.Message}!` };
    expect(await receiver.verify(request(changed), ctx(now))).toMatchObject({
      ok: false,
      message: /does not match/,
    });
    expect(fake.calls.map((c) => c.url)).toEqual([CERT_URL]);
  });

  it('refuses the same message once its certificate has expired', async () => {
    const fake = fakeFetch({
      [`GET ${CERT_URL}`]: () => new Response(read('aws-sdk-java-v2-signing-cert.pem')),
    });
    const receiver = createAwsSnsReceiver({ fetch: fake.fetch });
    const message = JSON.parse(read(fixtures[0])) as Record<string, string>;
    const later = new Date('2026-10-15T00:00:00Z');
    const fresh = { ...message, Timestamp: later.toISOString() };
    expect(await receiver.verify(request(fresh), ctx(later))).toMatchObject({
      ok: false,
      message: /signing certificate expired/,
    });
  });
});
