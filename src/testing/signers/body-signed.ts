import { createHmac, randomBytes } from 'node:crypto';
import { unixSeconds } from './encoding';
import { isRecord, jsonBuffer, jsonObjectOf } from './body-json';
import { SignWebhookError, type Signer } from './signer';

/**
 * Providers whose signature or secret travels inside the body: their signers rewrite the body
 * (a given `body` too) with what the provider writes there.
 */

const ADYEN_HMAC_KEY = /^[0-9A-Fa-f]{64}$/;
const adyenText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';

/**
 * Adyen: each `NotificationRequestItem` gets `additionalData.hmacSignature`, base64
 * HMAC-SHA256 under the hex-decoded key of pspReference, originalReference,
 * merchantAccountCode, merchantReference, amount value and currency, eventCode and success
 * joined by `:` (docs.adyen.com "Verify HMAC signatures").
 */
export const adyenSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the webhook's HMAC key (64 hex characters, from the Customer Area)",
  sign(input) {
    if (!ADYEN_HMAC_KEY.test(input.secret)) {
      throw new SignWebhookError('Adyen: secret must be the HMAC key, 64 hex characters.');
    }
    const notification = jsonObjectOf(input.body, 'Adyen');
    const items = notification.notificationItems;
    if (!Array.isArray(items) || items.length === 0) {
      throw new SignWebhookError('Adyen: the body has no notificationItems to sign.');
    }
    const key = Buffer.from(input.secret, 'hex');
    const signedItems = items.map((entry: unknown) => {
      const item =
        isRecord(entry) && isRecord(entry.NotificationRequestItem)
          ? entry.NotificationRequestItem
          : undefined;
      if (!item) throw new SignWebhookError('Adyen: an item has no NotificationRequestItem.');
      const amount = isRecord(item.amount) ? item.amount : {};
      const fields = [
        item.pspReference,
        item.originalReference,
        item.merchantAccountCode,
        item.merchantReference,
        amount.value,
        amount.currency,
        item.eventCode,
        item.success,
      ];
      const text = fields.map(adyenText).join(':');
      const hmacSignature = createHmac('sha256', key).update(text).digest('base64');
      const additionalData = { ...(isRecord(item.additionalData) ? item.additionalData : {}) };
      return {
        NotificationRequestItem: { ...item, additionalData: { ...additionalData, hmacSignature } },
      };
    });
    return { headers: {}, body: jsonBuffer({ ...notification, notificationItems: signedItems }) };
  },
};

/**
 * Mailgun: the body's `signature` object, `timestamp` (now) and a random 50-character `token`,
 * with `signature` = hex HMAC-SHA256 under the webhook signing key of timestamp + token.
 */
export const mailgunSigner: Signer = {
  contentType: 'application/json',
  secretMeans: 'the HTTP webhook signing key of the Mailgun account',
  sign(input) {
    const event = jsonObjectOf(input.body, 'Mailgun');
    const timestamp = String(unixSeconds(input.now));
    const token = randomBytes(25).toString('hex');
    const signature = createHmac('sha256', input.secret)
      .update(timestamp + token)
      .digest('hex');
    return {
      headers: {},
      body: jsonBuffer({ ...event, signature: { timestamp, token, signature } }),
    };
  },
};

/** Microsoft Graph: the subscription's `clientState` in every notification of `value`. */
export const microsoftGraphSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the subscription's clientState, written into every notification",
  sign(input) {
    const collection = jsonObjectOf(input.body, 'Microsoft Graph');
    if (!Array.isArray(collection.value)) {
      throw new SignWebhookError('Microsoft Graph: the body has no notifications ("value").');
    }
    const value = collection.value.map((n: unknown) =>
      isRecord(n) ? { ...n, clientState: input.secret } : n,
    );
    return { headers: {}, body: jsonBuffer({ ...collection, value }) };
  },
};

const ORGANIZATION_ID = /<OrganizationId>[^<]*<\/OrganizationId>/;

/**
 * Salesforce outbound messages sign nothing: the endpoint's organization id is written into
 * the SOAP message's `OrganizationId`.
 */
export const salesforceOutboundSigner: Signer = {
  contentType: 'text/xml; charset=utf-8',
  secretMeans: "the organization id (15 or 18 characters) in the endpoint's secrets",
  sign(input) {
    if (!/^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/.test(input.secret)) {
      throw new SignWebhookError('salesforce-outbound: secret must be an organization id.');
    }
    const xml = input.body.toString('utf8');
    if (!ORGANIZATION_ID.test(xml)) {
      throw new SignWebhookError('salesforce-outbound: the body has no <OrganizationId> element.');
    }
    const body = Buffer.from(
      xml.replace(ORGANIZATION_ID, `<OrganizationId>${input.secret}</OrganizationId>`),
      'utf8',
    );
    return { headers: { soapaction: '""' }, body };
  },
};
