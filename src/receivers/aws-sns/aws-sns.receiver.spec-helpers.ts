import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakePaypalFetch as fakeFetch } from '../../../test/helpers/paypal-delivery';
import { SNS_CERT_URL, signSnsMessage } from '../../../test/helpers/sns-delivery';
import { snsTestPki } from '../../../test/helpers/sns-pki';
import type { IncomingWebhook, ReceiverContext } from '../receiver';
import { createAwsSnsReceiver } from './aws-sns.receiver';
import { parseAwsSnsOptions, type AwsSnsOptions } from './aws-sns.options';

// Shared by the aws-sns.*.spec.ts files. Not a spec, and left out of the build (it reaches
// test/helpers), like paypal.receiver.spec-helpers.ts.

export const pki = snsTestPki();
/** A little after the test certificates were made, so they are valid. */
export const NOW = new Date(Date.now() + 60_000);

export function fixture(name: string): Record<string, string> {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<
    string,
    string
  >;
}

/** A documented sample message with its fields re-signed by the test key, dated `at`. */
export function signed(
  name: string,
  changes: Record<string, string> = {},
  version: '1' | '2' = '2',
  at = NOW,
): Record<string, string> {
  const fields = fixture(name);
  delete fields.Signature;
  delete fields.SignatureVersion;
  return signSnsMessage(
    { ...fields, Timestamp: at.toISOString(), ...changes },
    pki.leafKeyPem,
    version,
  );
}

export function request(message: object, headers: Record<string, string> = {}): IncomingWebhook {
  return {
    method: 'POST',
    url: '/webhooks/aws-sns/orders',
    query: {},
    headers: { 'content-type': 'text/plain; charset=UTF-8', ...headers },
    rawBody: Buffer.from(JSON.stringify(message)),
    contentType: 'text/plain',
  };
}

export function context(
  options: Record<string, unknown> = {},
  now = NOW,
): ReceiverContext<AwsSnsOptions> {
  return {
    secrets: [],
    now,
    options: parseAwsSnsOptions({
      topicArns: ['arn:aws:sns:us-west-2:123456789012:MyTopic'],
      caPem: pki.rootPem,
      ...options,
    }),
  };
}

/** A receiver whose fetcher serves the test chain at SNS_CERT_URL and records every call. */
export function snsReceiver(routes: Parameters<typeof fakeFetch>[0] = {}) {
  const fake = fakeFetch({
    [`GET ${SNS_CERT_URL}`]: () => new Response(pki.chain, { status: 200 }),
    ...routes,
  });
  return { receiver: createAwsSnsReceiver({ fetch: fake.fetch }), calls: fake.calls };
}
