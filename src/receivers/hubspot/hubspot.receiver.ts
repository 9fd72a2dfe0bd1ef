import { MalformedBodyError } from '../../errors/webhook-errors';
import type { Receiver } from '../receiver';
import { parseJsonBody } from '../shared/body';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { defaultOptions } from '../shared/hmac/default-options';
import { verifyHmac } from '../shared/hmac/verify';
import { normalizeHubSpotEvents } from './hubspot.events';
import { verifyLegacyHubSpot } from './hubspot.legacy';

/**
 * HubSpot's v3 signature (developers.hubspot.com "Validating requests"; hubspot-api-nodejs
 * `src/utils/signature.ts`): `X-HubSpot-Signature-v3: base64(HMAC-SHA256(client secret,
 * method + URL + body + X-HubSpot-Request-Timestamp))`, the timestamp in milliseconds. The URL
 * is the one HubSpot called: set the endpoint's `publicUrl`.
 */
export const hubspotV3Descriptor: HmacDescriptor = {
  name: 'hubspot',
  title: 'HubSpot',
  algorithm: 'sha256',
  signature: { headers: ['X-HubSpot-Signature-v3'], encoding: 'base64' },
  signedContent: '{method}{url}{body}{timestamp}',
  timestamp: { header: 'X-HubSpot-Request-Timestamp', unit: 'ms' },
  messages: {
    mismatch:
      'The signature does not match the method, {url}, the body and the timestamp under any configured client secret (set publicUrl to the URL registered at HubSpot).',
  },
  normalize: normalizeHubSpotEvents,
};

/**
 * HubSpot: v3 when `X-HubSpot-Signature-v3` is sent (it is then the only one checked, so an
 * older signature cannot stand in for it), else v1/v2 (`X-HubSpot-Signature`). HubSpot retries
 * a failed batch up to 10 times with an exponential backoff, but never after a 400, 401 or
 * 403-405 (developers.hubspot.com webhooks overview, "Retries").
 */
export const hubspotReceiver: Receiver<HmacOptions> = {
  name: 'hubspot',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac-url', 'sha256-hash'], handshakes: [], signsTimestamp: true },
  parseOptions: (options) => defaultOptions(hubspotV3Descriptor, options),

  verify(req, ctx) {
    if (req.headers['x-hubspot-signature-v3'] !== undefined) {
      return verifyHmac(hubspotV3Descriptor, req, ctx);
    }
    const legacy = req.headers['x-hubspot-signature'];
    if (legacy) return verifyLegacyHubSpot(req, ctx.secrets, legacy);
    return verifyHmac(hubspotV3Descriptor, req, ctx); // refused: says v3 is missing
  },

  parse(req) {
    const payload = parseJsonBody(req.rawBody);
    if (payload === null || typeof payload !== 'object') {
      throw new MalformedBodyError('expected a JSON array of events, or an object');
    }
    return payload;
  },
  normalize: normalizeHubSpotEvents,
};
