import { createHmac } from 'node:crypto';
import { hmacDigest, unixSeconds } from './encoding';
import type { SignInput, Signer } from './signer';

/** Standard Webhooks headers (`webhook-id`, `-timestamp`, `-signature: v1,<base64>`). */
export function standardWebhooksHeaders(input: SignInput): Record<string, string> {
  const material = input.secret.startsWith('whsec_') ? input.secret.slice(6) : input.secret;
  const timestamp = String(unixSeconds(input.now));
  const signature = hmacDigest(
    'sha256',
    Buffer.from(material, 'base64'),
    [`${input.id}.${timestamp}.`, input.body],
    'base64',
  );
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}

export const standardWebhooksSigner: Signer = {
  contentType: 'application/json',
  secretMeans: 'the whsec_… signing secret',
  idHeader: 'webhook-id',
  sign: (input) => ({ headers: standardWebhooksHeaders(input) }),
};

export const stripeSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the endpoint's whsec_… signing secret",
  encode: (payload) => Buffer.from(JSON.stringify(payload, null, 2), 'utf8'),
  sign(input) {
    const t = unixSeconds(input.now);
    const v1 = createHmac('sha256', input.secret).update(`${t}.`).update(input.body).digest('hex');
    return { headers: { 'stripe-signature': `t=${t},v1=${v1}` } };
  },
};

export const slackSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the Slack app's signing secret",
  sign(input) {
    const ts = String(unixSeconds(input.now));
    const digest = hmacDigest('sha256', input.secret, [`v0:${ts}:`, input.body], 'hex');
    return {
      headers: { 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${digest}` },
    };
  },
};
