import { formBody, formFields, hmacDigest } from './encoding';
import { requireUrl, type Signer } from './signer';

/** The URL, then every form field sorted by name as name + value: Twilio's and Mandrill's. */
function urlAndSortedFields(url: string, body: Buffer): string {
  const fields = formFields(body);
  return Object.keys(fields)
    .sort()
    .reduce((data, name) => data + name + fields[name], url);
}

const FORM = 'application/x-www-form-urlencoded';

/** Twilio: HMAC-SHA1 of the URL and sorted params under the auth token, base64. */
export const twilioSigner: Signer = {
  contentType: FORM,
  secretMeans: 'the Twilio auth token (url: the endpoint publicUrl)',
  // Twilio posts its parameters as a form, so a payload object is sent as one too.
  encode: (payload) => formBody(payload as Record<string, unknown>),
  sign(input) {
    const data = urlAndSortedFields(requireUrl(input, 'Twilio'), input.body);
    return {
      headers: { 'x-twilio-signature': hmacDigest('sha1', input.secret, [data], 'base64') },
    };
  },
};

/** Mandrill: the same construction under the webhook key, `mandrill_events` as its one field. */
export const mandrillSigner: Signer = {
  contentType: FORM,
  secretMeans: 'the Mandrill webhook key (url: the endpoint publicUrl)',
  encode: (payload) =>
    Buffer.from(new URLSearchParams({ mandrill_events: JSON.stringify(payload) }).toString()),
  sign(input) {
    const data = urlAndSortedFields(requireUrl(input, 'Mandrill'), input.body);
    return {
      headers: { 'x-mandrill-signature': hmacDigest('sha1', input.secret, [data], 'base64') },
    };
  },
};

/** Pusher: hex HMAC-SHA256 of the body under the app secret, with the app key beside it. */
export const pusherSigner: Signer = {
  contentType: 'application/json',
  secretMeans: 'the Pusher app secret (options.appKey: the app key sent in X-Pusher-Key)',
  sign(input) {
    const appKey = typeof input.options.appKey === 'string' ? input.options.appKey : 'app-key';
    return {
      headers: {
        'x-pusher-key': appKey,
        'x-pusher-signature': hmacDigest('sha256', input.secret, [input.body], 'hex'),
      },
    };
  },
};
