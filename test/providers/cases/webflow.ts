import { createHash, createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

const FORM = providerFixture('webflow', 'form-submission.json');
const SUBMISSION_ID = '6321ca84df3949bfc6752327';
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Signed as Webflow documents it, with node:crypto: hex HMAC-SHA256 of `timestamp:body`. */
export const webflowCase = signedJsonCase({
  name: 'Webflow',
  provider: 'webflow',
  endpoint: 'site',
  secrets: ['webflow-e2e-next-webhook-secret', 'webflow-e2e-webhook-secret'],
  foreignSecret: () => 'another-webflow-app-secret',
  fixture: FORM,
  idInFixture: SUBMISSION_ID,
  headers: ({ body, at, secret }) => {
    const ts = String(at.getTime());
    return {
      'x-webflow-timestamp': ts,
      'x-webflow-signature': createHmac('sha256', secret)
        .update(`${ts}:`)
        .update(body)
        .digest('hex'),
    };
  },
  signatureHeaders: ['x-webflow-signature'],
  documented: {
    type: 'form_submission',
    providerDeliveryId: sha256(FORM),
    payload: JSON.parse(FORM.toString()),
  },
  // A retry resends the same body, whose hash is the delivery id.
  dedupe: {
    deliveryIdOf: (key) => sha256(Buffer.from(FORM.toString().split(SUBMISSION_ID).join(key))),
    retryAfterMs: 60_000,
  },
  tampering: { label: 'another email after signing', from: 'zaphod@', to: 'arthur@' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"triggerType":' },
    { label: 'has no triggerType', body: '{"payload":{}}', message: /triggerType/ },
  ],
});
