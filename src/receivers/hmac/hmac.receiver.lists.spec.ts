import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { IncomingWebhook } from '../receiver';
import { genericHmacReceiver as receiver } from './hmac.receiver';

/**
 * The list, several-header and timestamp-source options, each shown against a real sender's
 * scheme: Stripe and Standard Webhooks requests are signed by their own SDKs, the rest by the
 * documented scheme computed here with node:crypto.
 */
const BODY = Buffer.from('{"id":"evt_1","type":"invoice.paid","webhookTimestamp":1795780800000}');
const NOW = new Date('2026-11-27T12:00:00Z');
const SECONDS = NOW.getTime() / 1000;

const request = (headers: Record<string, string>, body = BODY): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/hmac/x',
  query: {},
  headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  rawBody: body,
});

const verify = (
  options: Record<string, unknown>,
  secret: string,
  headers: Record<string, string>,
) =>
  receiver.verify(request(headers), {
    secrets: [secret],
    options: receiver.parseOptions!(options),
    now: NOW,
  });

/** Stripe's scheme as `provider: hmac` options. */
const STRIPE_LIKE = {
  header: 'Stripe-Signature',
  signatureKey: 'v1',
  timestampFrom: 'signature:t',
  signedContent: '{timestamp}.{body}',
};

/** Standard Webhooks' scheme as `provider: hmac` options. */
const STANDARD_LIKE = {
  header: 'webhook-signature',
  encoding: 'base64',
  listSeparator: ' ',
  listKeyValue: ',',
  signatureKey: 'v1',
  keyEncoding: 'base64',
  keyPrefix: 'whsec_',
  timestampHeader: 'webhook-timestamp',
  idFrom: 'header:webhook-id',
  signedContent: '{id}.{timestamp}.{body}',
};

describe('hmac provider: signature lists and timestamp sources', () => {
  const stripe = new Stripe('sk_test_unused');
  const STRIPE_SECRET = 'whsec_generic_stripe_like';

  it('verifies a Stripe-Signature made by the stripe SDK (t=…,v1=…)', () => {
    const header = stripe.webhooks.generateTestHeaderString({
      payload: BODY.toString(),
      secret: STRIPE_SECRET,
      timestamp: SECONDS,
    });
    expect(verify(STRIPE_LIKE, STRIPE_SECRET, { 'Stripe-Signature': header })).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('refuses the stripe SDK header when the t field is moved out of the window', () => {
    const header = stripe.webhooks.generateTestHeaderString({
      payload: BODY.toString(),
      secret: STRIPE_SECRET,
      timestamp: SECONDS - 301,
    });
    expect(verify(STRIPE_LIKE, STRIPE_SECRET, { 'Stripe-Signature': header })).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('refuses a Stripe-Signature whose v1 was signed under another secret', () => {
    const header = stripe.webhooks.generateTestHeaderString({
      payload: BODY.toString(),
      secret: 'whsec_other',
      timestamp: SECONDS,
    });
    expect(verify(STRIPE_LIKE, STRIPE_SECRET, { 'Stripe-Signature': header })).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  const standardSecret = `whsec_${Buffer.from('standard-webhooks-key-0123456789').toString('base64')}`;
  const standardHeaders = (secret: string, at = NOW) => {
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const signature = new StandardWebhook(secret).sign(id, at, BODY.toString());
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
  };

  it('verifies a webhook-signature made by the standardwebhooks SDK (v1,sig list, whsec_ key)', () => {
    expect(verify(STANDARD_LIKE, standardSecret, standardHeaders(standardSecret))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('finds the matching signature among several in the list (rotation at the sender)', () => {
    const other = `whsec_${Buffer.from('another-key-for-the-same-sender').toString('base64')}`;
    const headers = standardHeaders(standardSecret);
    const rotated = standardHeaders(other)['webhook-signature'];
    headers['webhook-signature'] = `${rotated} ${headers['webhook-signature']}`;
    expect(verify(STANDARD_LIKE, standardSecret, headers)).toMatchObject({ ok: true });
  });

  it('refuses a standardwebhooks signature under another key', () => {
    const other = `whsec_${Buffer.from('another-key-for-the-same-sender').toString('base64')}`;
    expect(verify(STANDARD_LIKE, standardSecret, standardHeaders(other))).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  // Box signs {body}{timestamp} into a primary and a secondary header (two keys while
  // rotating): https://developer.box.com/guides/webhooks/v2/signatures-v2/
  const BOX_LIKE = {
    header: ['Box-Signature-Primary', 'Box-Signature-Secondary'],
    encoding: 'base64',
    signedContent: '{body}{timestamp}',
    timestampHeader: 'Box-Delivery-Timestamp',
    timestampUnit: 'iso8601',
  };
  const boxSign = (key: string, at: string) =>
    createHmac('sha256', key).update(BODY).update(at).digest('base64');

  it.each([
    ['primary', 'Box-Signature-Primary'],
    ['secondary', 'Box-Signature-Secondary'],
  ])('accepts a signature in any of several headers (the %s one)', (_name, header) => {
    const at = '2026-11-27T12:00:00+00:00';
    const headers = {
      'Box-Delivery-Timestamp': at,
      'Box-Signature-Primary': 'bm90IGl0',
      'Box-Signature-Secondary': 'bm90IGl0',
      [header]: boxSign('box-key', at),
    };
    expect(verify(BOX_LIKE, 'box-key', headers)).toMatchObject({ ok: true });
  });

  // Linear puts the time in the body (`webhookTimestamp`, ms) and signs the body only:
  // https://linear.app/developers/webhooks#securing-webhooks
  const LINEAR_LIKE = {
    header: 'Linear-Signature',
    timestampFrom: 'body:webhookTimestamp',
    timestampUnit: 'ms',
    toleranceSeconds: 60,
  };
  const linearHeaders = (body = BODY) => ({
    'Linear-Signature': createHmac('sha256', 'lin_wh_secret').update(body).digest('hex'),
  });

  it('reads a timestamp from a body path, checks it after the signature', () => {
    expect(verify(LINEAR_LIKE, 'lin_wh_secret', linearHeaders())).toMatchObject({ ok: true });
    const late = { ...receiver.parseOptions!(LINEAR_LIKE) };
    const result = receiver.verify(request(linearHeaders()), {
      secrets: ['lin_wh_secret'],
      options: late,
      now: new Date(NOW.getTime() + 61_000),
    });
    expect(result).toMatchObject({ ok: false, reason: 'stale-timestamp' });
  });
});
