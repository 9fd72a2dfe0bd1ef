import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { genericReply } from '../shared/replies';
import { normalizeFields } from '../shared/hmac/fields';
import { verifyHmac } from '../shared/hmac/verify';
import { parseGenericHmacOptions, type GenericHmacOptions } from './hmac.options';

/**
 * `provider: hmac`: any sender that signs with an HMAC, described in the endpoint's `options`
 * (hmac.options.ts) rather than in code. The options become an `HmacDescriptor` once, at
 * start-up, and every request is verified and normalized by the shared descriptor machinery.
 * The type is `typeFrom`'s value, or the endpoint id when it is not set.
 */
export const genericHmacReceiver: Receiver<GenericHmacOptions> = {
  name: 'hmac',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac'], handshakes: [], signsTimestamp: false, configurable: true },

  parseOptions: parseGenericHmacOptions,

  verify: (req, ctx) => verifyHmac(ctx.options.descriptor, req, ctx),

  parse: (req) => parseJsonObject(req.rawBody),

  normalize(req, payload, ctx) {
    if (!ctx) throw new Error('the hmac provider needs its endpoint to normalize');
    const event = normalizeFields(ctx.options.descriptor, req, payload);
    return ctx.options.typeFromEndpoint ? { ...event, type: ctx.endpoint } : event;
  },
  reply: genericReply,
};
