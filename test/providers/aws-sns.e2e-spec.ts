import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { validateConfig } from '../../src/config/config.loader';
import { serveWebhooksBeforeExpress } from '../../src/pipeline/webhook-fast-path';
import { createAwsSnsReceiver } from '../../src/receivers/aws-sns/aws-sns.receiver';
import { RECEIVERS } from '../../src/receivers/receivers';
import { fakePaypalFetch as fakeFetch } from '../helpers/paypal-delivery';
import { SNS_CERT_URL, SNS_TOPIC_ARN, signSnsMessage, snsHeaders } from '../helpers/sns-delivery';
import { snsTestPki } from '../helpers/sns-pki';
import { ManualClock, testDatabaseUrl } from '../helpers/test-app';

const ADMIN = 'sns-e2e-admin-token-0123456789';
/** A token no other fixture carries, so "not in any log line" means something. */
const TOKEN = 'e2e-token-5f1d7c0a9b3e42d6a8c1f0e7b2d4c6a8';
const SUBSCRIBE_URL = `https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${SNS_TOPIC_ARN}&Token=${TOKEN}`;

function sample(name: string): Record<string, string> {
  const fields = JSON.parse(
    readFileSync(join(__dirname, '../../src/receivers/aws-sns/fixtures', name), 'utf8'),
  ) as Record<string, string>;
  delete fields.Signature;
  delete fields.SignatureVersion;
  return fields;
}

/**
 * What only SNS does, through the HTTP edge: the subscription handshake (confirmed by one GET of
 * SubscribeURL, or refused with what to set), URLs checked before anything is fetched, the
 * stored types and what is left out of them. The contract every receiver keeps is in
 * contract.e2e-spec.ts, row cases/aws-sns.ts.
 */
describe('AWS SNS receiver end to end', () => {
  const pki = snsTestPki();
  // Just after the test certificates were made, so they are valid.
  const clock = new ManualClock(new Date(Date.now() + 60_000));
  const sns = fakeFetch({
    [`GET ${SNS_CERT_URL}`]: () => new Response(pki.chain),
    [`GET ${SUBSCRIBE_URL}`]: () => new Response('<ConfirmSubscriptionResponse/>'),
  });
  const lines: string[] = [];
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const message = (name: string, changes: Record<string, string> = {}) =>
    signSnsMessage(
      { ...sample(name), Timestamp: clock.now().toISOString(), ...changes },
      pki.leafKeyPem,
    );
  const post = (endpoint: string, body: Record<string, string>, headers = {}) =>
    http()
      .post(`/webhooks/aws-sns/${endpoint}`)
      .set({ ...snsHeaders(body), ...headers })
      .serialize((data: unknown) => data as string)
      .send(Buffer.from(JSON.stringify(body)));
  const stored = async () =>
    (
      await http()
        .get('/admin/deliveries?provider=aws-sns')
        .set('authorization', `Bearer ${ADMIN}`)
        .expect(200)
    ).body.items as { id: string; type: string; endpoint: string }[];
  const requested = (url: string) => sns.calls.filter((c) => c.url === url);
  const confirmation = () =>
    message('subscription-confirmation.json', { Token: TOKEN, SubscribeURL: SUBSCRIBE_URL });

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const options = { topicArns: [SNS_TOPIC_ARN], caPem: pki.rootPem };
    const config = validateConfig({
      database: { url: testDatabaseUrl() },
      admin: { token: ADMIN },
      endpoints: [
        { provider: 'aws-sns', id: 'orders', options: { ...options, confirmSubscriptions: true } },
        { provider: 'aws-sns', id: 'billing', options },
      ],
    });
    const receivers = RECEIVERS.map((r) =>
      r.name === 'aws-sns' ? createAwsSnsReceiver({ fetch: sns.fetch }) : r,
    );
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot(
          { config, source: 'test', isDemo: false },
          { logDestination: sink, receivers, clock },
        ),
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      bufferLogs: true,
    });
    app.useLogger(app.get(PinoLogger));
    serveWebhooksBeforeExpress(app);
    await app.init();
  });
  afterAll(() => app.close());

  it('confirms a SubscriptionConfirmation by one GET of SubscribeURL, and stores nothing', async () => {
    const res = await post('orders', confirmation());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ confirmed: true, topicArn: SNS_TOPIC_ARN });
    expect(requested(SUBSCRIBE_URL)).toHaveLength(1);
    expect(requested(SUBSCRIBE_URL)[0].init.method).toBe('GET');
    expect(await stored()).toEqual([]);
  });

  it('403 naming options.confirmSubscriptions when confirming is off: no GET, nothing stored', async () => {
    const before = requested(SUBSCRIBE_URL).length;
    const res = await post('billing', confirmation());
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/options\.confirmSubscriptions: true/);
    expect(res.text).not.toContain(TOKEN);
    expect(requested(SUBSCRIBE_URL)).toHaveLength(before);
    expect(await stored()).toEqual([]);
    const refusal = lines.filter((l) =>
      l.includes('refused POST /webhooks/aws-sns/billing -> 403'),
    );
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toContain(SNS_TOPIC_ARN);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('401 for a SubscribeURL off an SNS host, which is never requested', async () => {
    const evil = 'https://sns.us-west-2.amazonaws.com.evil.test/?Action=ConfirmSubscription';
    const res = await post(
      'orders',
      message('subscription-confirmation.json', { Token: TOKEN, SubscribeURL: evil }),
    );
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/SubscribeURL is refused/);
    expect(sns.calls.filter((c) => c.url.includes('evil.test'))).toHaveLength(0);
  });

  it('401 for a SigningCertURL off the SNS pattern: nothing is requested at all', async () => {
    const before = sns.calls.length;
    const res = await post(
      'orders',
      message('notification.json', {
        SigningCertURL: 'https://sns.us-west-2.amazonaws.com@evil.test/c.pem',
      }),
    );
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/SigningCertURL is refused/);
    expect(sns.calls).toHaveLength(before);
  });

  it('stores a Notification once: a redelivery with the same MessageId is a duplicate', async () => {
    const notification = message('notification.json', { MessageId: 'e2e-notification-1' });
    const first = await post('orders', notification);
    const again = await post('orders', notification);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    const notifications = (await stored()).filter((d) => d.type === 'notification');
    expect(notifications.map((d) => d.id)).toEqual([first.body.id]);
  });

  it('stores an UnsubscribeConfirmation without its Token and SubscribeURL', async () => {
    const unsubscribed = message('unsubscribe-confirmation.json', {
      Token: TOKEN,
      SubscribeURL: SUBSCRIBE_URL,
    });
    const res = await post('orders', unsubscribed);
    expect(res.status).toBe(200);
    const detail = await http()
      .get(`/admin/deliveries/${res.body.id}`)
      .set('authorization', `Bearer ${ADMIN}`)
      .expect(200);
    expect(detail.body.type).toBe('unsubscribe_confirmation');
    expect(detail.body.payload).toMatchObject({
      TopicArn: SNS_TOPIC_ARN,
      MessageId: unsubscribed.MessageId,
      Token: expect.stringMatching(/redacted/),
      SubscribeURL: expect.stringMatching(/redacted/),
    });
    expect(JSON.stringify(detail.body)).not.toContain(TOKEN);
  });

  it('401 naming options.topicArns for a topic the endpoint does not take', async () => {
    const res = await post(
      'orders',
      message('notification.json', { TopicArn: 'arn:aws:sns:us-west-2:999999999999:Other' }),
    );
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(
      /arn:aws:sns:us-west-2:999999999999:Other.*options\.topicArns/,
    );
  });

  it('401 for raw message delivery, which SNS does not sign', async () => {
    const before = (await stored()).length;
    const res = await post('orders', message('notification.json', { MessageId: 'raw-1' }), {
      'x-amz-sns-rawdelivery': 'true',
    });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/raw message delivery is unsigned/);
    expect(await stored()).toHaveLength(before);
  });
});
