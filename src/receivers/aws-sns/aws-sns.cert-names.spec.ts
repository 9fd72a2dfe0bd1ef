import { SNS_CERT_URL } from '../../../test/helpers/sns-delivery';
import { snsSigningNames } from './aws-sns.urls';
import { context, pki, request, signed, snsReceiver } from './aws-sns.receiver.spec-helpers';

const AF_TOPIC = 'arn:aws:sns:af-south-1:123456789012:MyTopic';
const AF_CERT_URL =
  'https://sns.af-south-1.amazonaws.com/SimpleNotificationService-5416b31fae4efe3bce5b30212490f0b5.pem';

describe('aws-sns: the names a signing certificate may carry', () => {
  it.each([
    [
      'sns.us-east-1.amazonaws.com',
      [
        'sns.amazonaws.com',
        'sns.us-east-1.amazonaws.com',
        'sns-signing.us-east-1.amazonaws.com',
        'sns-us-east-1.amazonaws.com',
      ],
    ],
    [
      'sns.cn-north-1.amazonaws.com.cn',
      [
        'sns.amazonaws.com.cn',
        'sns.cn-north-1.amazonaws.com.cn',
        'sns-signing.cn-north-1.amazonaws.com.cn',
        'sns-cn-north-1.amazonaws.com.cn',
      ],
    ],
    [
      'sns.us-gov-east-1.amazonaws.com',
      [
        'sns.amazonaws.com',
        'sns.us-gov-east-1.amazonaws.com',
        'sns-signing.us-gov-east-1.amazonaws.com',
        'sns-us-gov-east-1.amazonaws.com',
        'sns-us-gov-west-1.amazonaws.com',
      ],
    ],
    ['sns.us-east-1.amazonaws.com.evil.test', []],
  ])('for a certificate from %s', (host, names) => {
    expect(snsSigningNames(host)).toEqual(names);
  });

  it('accepts an af-south-1 leaf named only for its region (CN sns-signing., SAN sns.)', async () => {
    const { receiver, calls } = snsReceiver({
      [`GET ${AF_CERT_URL}`]: () => new Response(pki.regionalChain),
    });
    const message = signed('notification.json', {
      TopicArn: AF_TOPIC,
      SigningCertURL: AF_CERT_URL,
    });
    const result = await receiver.verify(request(message), context({ topicArns: [AF_TOPIC] }));
    expect(result).toEqual({ ok: true, secretIndex: 0 });
    expect(calls.map((c) => c.url)).toEqual([AF_CERT_URL]);
  });

  it("refuses that leaf served from another region's host", async () => {
    const { receiver } = snsReceiver({
      [`GET ${SNS_CERT_URL}`]: () => new Response(pki.regionalChain),
    });
    const result = await receiver.verify(request(signed('notification.json')), context());
    expect(result).toMatchObject({
      ok: false,
      message:
        /is for sns-signing\.af-south-1\.amazonaws\.com, sns\.af-south-1\.amazonaws\.com, not sns\.amazonaws\.com or sns\.us-west-2\.amazonaws\.com/,
    });
  });
});

describe('aws-sns: the certificate path', () => {
  it('uses the intermediate the SigningCertURL serves after the leaf', async () => {
    const { receiver } = snsReceiver({ [`GET ${SNS_CERT_URL}`]: () => new Response(pki.chain) });
    expect(await receiver.verify(request(signed('notification.json')), context())).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('refuses the leaf alone when its issuer is neither served nor shipped, naming caPem', async () => {
    const { receiver } = snsReceiver({ [`GET ${SNS_CERT_URL}`]: () => new Response(pki.leafPem) });
    expect(await receiver.verify(request(signed('notification.json')), context())).toMatchObject({
      ok: false,
      message: /does not chain to a trusted CA.*options\.caPem/,
    });
  });

  it('accepts the leaf alone once the operator adds its intermediate to options.caPem', async () => {
    const { receiver } = snsReceiver({ [`GET ${SNS_CERT_URL}`]: () => new Response(pki.leafPem) });
    const intermediate = pki.chain.slice(pki.leafPem.length);
    const result = await receiver.verify(
      request(signed('notification.json')),
      context({ caPem: intermediate + pki.rootPem }),
    );
    expect(result).toEqual({ ok: true, secretIndex: 0 });
  });
});
