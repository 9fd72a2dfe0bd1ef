import { createHmac } from 'node:crypto';
import { formFields, unixSeconds } from './encoding';
import { isRecord, jsonBuffer, jsonObjectOf } from './body-json';
import { SignWebhookError, type Signer } from './signer';

const BOUNDARY = 'hookgate-testing-kit-callback';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
/** The `json` field of a multipart callback as Dropbox Sign writes it (one field, no file). */
const JSON_PART = /name="json"\r\n\r\n([\s\S]*?)\r\n--/;

/** The callback's JSON, whether the body is multipart (Dropbox Sign's), a `json=` form or JSON. */
function callbackJson(body: Buffer): Buffer {
  const text = body.toString('utf8');
  const part = JSON_PART.exec(text);
  if (part) return Buffer.from(part[1], 'utf8');
  if (/^json=/.test(text)) return Buffer.from(formFields(body).json ?? '', 'utf8');
  return body;
}

function sent(json: Buffer, contentType: string): Buffer {
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? BOUNDARY;
    return Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="json"\r\n\r\n`),
      json,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return Buffer.from(new URLSearchParams({ json: json.toString('utf8') }).toString(), 'utf8');
  }
  return json;
}

/**
 * Dropbox Sign: `event.event_hash` = hex HMAC-SHA256 under the API key of event_time +
 * event_type, posted as multipart/form-data with the callback in the field `json`. A sample
 * gets the current `event_time`; a given body keeps its own.
 */
export const dropboxSignSigner: Signer = {
  contentType: MULTIPART,
  secretMeans: 'the API key of the account or app that owns the callback URL',
  preparePayload(payload, now) {
    if (!isRecord(payload) || !isRecord(payload.event)) return payload;
    return { ...payload, event: { ...payload.event, event_time: String(unixSeconds(now)) } };
  },
  encode: jsonBuffer,
  sign(input) {
    const callback = jsonObjectOf(callbackJson(input.body), 'Dropbox Sign');
    const event = callback.event;
    if (!isRecord(event) || event.event_time === undefined || event.event_type === undefined) {
      throw new SignWebhookError(
        'Dropbox Sign: the callback has no event.event_time and event_type.',
      );
    }
    const eventHash = createHmac('sha256', input.secret)
      .update(`${String(event.event_time)}${String(event.event_type)}`)
      .digest('hex');
    const json = jsonBuffer({ ...callback, event: { ...event, event_hash: eventHash } });
    // A multipart type without its boundary gets the kit's, which the body is written with.
    const contentType =
      input.contentType.startsWith('multipart/form-data') &&
      !input.contentType.includes('boundary=')
        ? MULTIPART
        : input.contentType;
    return { headers: { 'content-type': contentType }, body: sent(json, contentType) };
  },
};
