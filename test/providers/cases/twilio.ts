import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const twilioFixture = (name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers/twilio/fixtures', name));
export const TWILIO_FORM = 'application/x-www-form-urlencoded';
export const TWIML = new twilio.twiml.MessagingResponse().toString();
const TOKEN = 'twilio-auth-token-primary';
const SECONDARY_TOKEN = 'twilio-auth-token-secondary';
const PATH = '/webhooks/twilio/sms';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/twilio/sms';
const SID = 'SM1f0e8ae6ade43cb3c0ce4525424e404f';
const INCOMING_SMS = twilioFixture('incoming-sms.txt');

/** The params Express/twilio-node would see for a form body: repeated keys become arrays. */
export function twilioSdkParams(body: Buffer): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) {
    const seen = params[k];
    params[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  return params;
}

/** A form body signed by twilio-node itself, for the URL Twilio called. */
export const twilioFormHeaders = (url: string, body: Buffer, token: string) => ({
  'content-type': TWILIO_FORM,
  'x-twilio-signature': twilio.getExpectedTwilioSignature(token, url, twilioSdkParams(body)),
});

/** A JSON body: twilio-node hashes it into ?bodySHA256= and signs the URL alone. */
function jsonRequest(body: string): WebhookRequest {
  const hash = twilio.getExpectedBodyHash(body);
  const signature = twilio.getExpectedTwilioSignature(
    TOKEN,
    `${PUBLIC_URL}?bodySHA256=${hash}`,
    {},
  );
  return {
    path: `${PATH}?bodySHA256=${hash}`,
    headers: { 'content-type': 'application/json', 'x-twilio-signature': signature },
    body: Buffer.from(body),
  };
}

export const twilioCase: ProviderCase = {
  name: 'Twilio',
  provider: 'twilio',
  endpoint: 'sms',
  // The secondary token is listed first: Twilio signs with whichever is primary.
  app: () => ({
    endpoint: {
      provider: 'twilio',
      id: 'sms',
      secrets: [SECONDARY_TOKEN, TOKEN],
      publicUrl: PUBLIC_URL,
    },
  }),
  sign: ({ key, body, secret }) => {
    const sent =
      body ?? (key ? Buffer.from(INCOMING_SMS.toString().replaceAll(SID, key)) : INCOMING_SMS);
    return {
      path: PATH,
      headers: twilioFormHeaders(PUBLIC_URL, sent, secret ?? TOKEN),
      body: sent,
    };
  },
  secrets: [SECONDARY_TOKEN, TOKEN],
  foreignSecret: { make: () => 'wrong-token' },
  signatureHeaders: ['x-twilio-signature'],
  secretHeaders: [],
  documented: {
    type: 'message',
    providerDeliveryId: `${SID}:received`,
    payload: Object.fromEntries(new URLSearchParams(INCOMING_SMS.toString())),
    payloadIncludes: { Body: 'Ahoy! Café at 5+1?', From: '+14155552671', MessageSid: SID },
  },
  // Twilio reads the answer as TwiML: an empty <Response/>; id and duplicate travel in headers.
  acknowledgement: { contentType: 'text/xml; charset=utf-8', text: TWIML },
  // Without I-Twilio-Idempotency-Token, the Sid and its status identify a delivery.
  dedupe: { deliveryIdOf: (key) => `${key}:received`, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'signed over other params',
      signedBody: Buffer.from(`${INCOMING_SMS}&Extra=1`),
      sentBody: INCOMING_SMS,
    },
  ],
  timestampWindow: notApplicable('Twilio signs no timestamp'),
  otherRefusedContentTypes: [],
  malformed: [
    { label: 'is JSON that does not parse', request: () => jsonRequest('{"EventType":') },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
