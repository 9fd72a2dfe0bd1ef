import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { verifyHeaderToken } from '../shared/shared-token';
import { missingField, readPath } from '../shared/hmac/fields';
import { parseBigCommerceOptions, type BigCommerceOptions } from './bigcommerce.options';

/**
 * BigCommerce webhooks. BigCommerce signs nothing: a hook is created with an optional `headers`
 * object that it sends on every callback "which can be used to authenticate callbacks requests"
 * (bigcommerce/docs `docs/integrations/webhooks/overview.mdx`, "Security"). The endpoint names
 * that header in `options.header`; its value is compared in constant time with `secrets` and
 * never stored.
 * type: `scope` (`store/order/statusUpdated`); id: `hash`, which the same page offers for
 * duplicate detection. Only a 200 counts; retries at 60 s … 86400 s, for 48 hours, then the hook
 * is deactivated (same page, "Callback retry mechanism").
 */
export const bigcommerceReceiver: Receiver<BigCommerceOptions> = {
  name: 'bigcommerce',
  contentTypes: ['application/json'],
  profile: { schemes: ['token'], handshakes: [], signsTimestamp: false },

  parseOptions: parseBigCommerceOptions,
  secretHeadersFor: (options) => [options.header.toLowerCase()],

  verify: (req, { secrets, options }) => verifyHeaderToken(req, options.header, secrets),
  parse: (req) => parseJsonObject(req.rawBody),
  normalize(_req, payload) {
    const type = readPath(payload, 'scope');
    if (!type) throw missingField({ path: 'scope' });
    const providerDeliveryId = readPath(payload, 'hash');
    return { type, ...(providerDeliveryId && { providerDeliveryId }) };
  },
};
