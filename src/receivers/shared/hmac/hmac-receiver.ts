import type { Receiver } from '../../receiver';
import { parseJsonObject } from '../body';
import { usesPlaceholder } from '../signed-content';
import { defaultOptions } from './default-options';
import type { HmacDescriptor, HmacOptions } from './descriptor';
import { normalizeFields } from './fields';
import { answerHandshake, handshakeMethod } from './handshakes';
import { answerSignedHandshake } from './handshakes/signed';
import { checkHmacSecret } from './secret';
import { templateOf } from './signature';
import { verifyHmac } from './verify';

/**
 * Turn a descriptor into a `Receiver`. The descriptor is checked here, when the module loads,
 * so a contradictory one (a `{timestamp}` with no timestamp source) never serves a request.
 */
export function hmacReceiver<Options = HmacOptions>(
  descriptor: HmacDescriptor<Options>,
): Receiver<Options> {
  checkDescriptor(descriptor);
  const { handshake, signedHandshake } = descriptor;
  return {
    name: descriptor.name,
    ...(descriptor.aliases && { aliases: descriptor.aliases }),
    contentTypes: descriptor.contentTypes ?? ['application/json'],
    ...(handshake && { methods: [...new Set([handshakeMethod(handshake), 'POST'])] }),
    ...(descriptor.ackDeadlineMs !== undefined && { ackDeadlineMs: descriptor.ackDeadlineMs }),
    profile: {
      schemes: [usesPlaceholder(templateOf(descriptor), 'url') ? 'hmac-url' : 'hmac'],
      handshakes: [handshake?.kind, signedHandshake?.kind].filter((kind) => kind !== undefined),
      signsTimestamp: descriptor.timestamp !== undefined,
    },
    checkSecret: (secret) => checkHmacSecret(descriptor, secret),
    parseOptions: descriptor.parseOptions ?? ((options) => defaultOptions(descriptor, options)),
    ...(handshake && {
      handshakeBeforeVerify: (req, ctx) => answerHandshake(handshake, req, ctx.options),
    }),
    verify: (req, ctx) => verifyHmac(descriptor, req, ctx),
    ...(signedHandshake && {
      handshakeAfterVerify: (req, payload, secret) =>
        answerSignedHandshake(signedHandshake, req, payload, secret),
    }),
    parse: descriptor.parse ?? ((req) => parseJsonObject(req.rawBody)),
    normalize:
      descriptor.normalize ?? ((req, payload) => normalizeFields(descriptor, req, payload)),
  };
}

function checkDescriptor(descriptor: HmacDescriptor<any>): void {
  const fail = (why: string) => {
    throw new Error(`The ${descriptor.title} descriptor: ${why}.`);
  };
  const parts = templateOf(descriptor); // throws on an unknown placeholder
  const { signature, timestamp, id } = descriptor;
  if (signature.headers.length === 0) fail('signature.headers names no header');
  if (descriptor.legacySignature?.signature.headers.length === 0) {
    fail('legacySignature.signature.headers names no header');
  }
  if (signature.list?.keyValue && !signature.list.signatureKey) {
    fail('signature.list has a keyValue separator but no signatureKey');
  }
  if (usesPlaceholder(parts, 'timestamp') && !timestamp) fail('{timestamp} needs a timestamp');
  if (usesPlaceholder(parts, 'id') && (id === undefined || id === 'body-hash')) {
    fail('{id} needs an id from a header or a body path');
  }
  if (timestamp && 'signatureField' in timestamp && !signature.list?.keyValue) {
    fail('timestamp.signatureField needs a signature.list with a keyValue separator');
  }
  if (!descriptor.type && !descriptor.normalize) fail('it names neither type nor normalize');
}
