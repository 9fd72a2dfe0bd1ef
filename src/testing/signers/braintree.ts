import { createHash, createHmac } from 'node:crypto';
import { formBody, formFields } from './encoding';
import { SignWebhookError, type Signer } from './signer';

/** Base64 in lines of 60 characters, each ending in a newline, as Braintree writes bt_payload. */
const base64Lines = (xml: Buffer) =>
  (xml.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');

/**
 * Braintree: the notification XML goes base64 in the form field `bt_payload`; `bt_signature`
 * is `publicKey|hex HMAC-SHA1 of bt_payload`, keyed with the SHA-1 of the private key. A body
 * that is already such a form is signed again as it is; any other body is the XML.
 */
export const braintreeSigner: Signer = {
  contentType: 'application/x-www-form-urlencoded',
  secretMeans: 'the API key pair of the Braintree gateway, as publicKey:privateKey',
  sign(input) {
    const colon = input.secret.indexOf(':');
    if (colon <= 0 || colon === input.secret.length - 1) {
      throw new SignWebhookError('Braintree: secret must be publicKey:privateKey.');
    }
    const publicKey = input.secret.slice(0, colon);
    const privateKey = input.secret.slice(colon + 1);
    const sent = formFields(input.body).bt_payload;
    const payload = sent ?? base64Lines(input.body);
    const key = createHash('sha1').update(privateKey).digest();
    const digest = createHmac('sha1', key).update(payload).digest('hex');
    const body = formBody({ bt_signature: `${publicKey}|${digest}`, bt_payload: payload });
    return { headers: {}, body };
  },
};
