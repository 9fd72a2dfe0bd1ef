import type { Receiver } from '../receiver';
import {
  CONTENTFUL_MEDIA_TYPE,
  normalizeContentfulEvent,
  parseContentfulBody,
} from './contentful.events';
import { parseContentfulOptions, type ContentfulOptions } from './contentful.options';
import { verifyContentful } from './contentful.signature';

/**
 * Contentful webhooks with a signing secret: a signature over the canonical request (method,
 * path, chosen headers, body). The path signed is the one Contentful called: set publicUrl.
 */
export const contentfulReceiver: Receiver<ContentfulOptions> = {
  name: 'contentful',
  contentTypes: [CONTENTFUL_MEDIA_TYPE, 'application/json'],
  profile: { schemes: ['hmac-request'], handshakes: [], signsTimestamp: true },
  // "Webhook requests ... have had their timeout lowered from 60 seconds to 30 seconds":
  // https://www.contentful.com/developers/changelog/reduced-webhook-timeout/
  ackDeadlineMs: 30_000,
  parseOptions: parseContentfulOptions,
  verify: (req, { secrets, options, now }) =>
    verifyContentful(req, secrets, now, options.toleranceSeconds),
  parse: parseContentfulBody,
  normalize: normalizeContentfulEvent,
};
