import type { Receiver } from '../../receiver';
import { parseJsonObject } from '../body';
import { parseToleranceSeconds, rejectUnknownOptions } from '../options';
import { usesPlaceholder } from '../signed-content';
import type { AsymmetricDescriptor, AsymmetricOptions } from './descriptor';
import { importPublicKey } from './public-key';
import { templateOf } from './signature';
import { verifyAsymmetric } from './verify';

/** `GET /admin/providers` scheme names (docs/providers.md). */
const SCHEME_NAMES = { ed25519: 'ed25519', 'ecdsa-p256': 'ecdsa' } as const;

/**
 * Turn a descriptor into a `Receiver`. The descriptor is checked when the module loads, and
 * every configured public key at start-up (`checkSecret`), so a key pasted in the wrong form
 * stops the gateway with a message saying what is expected instead of refusing every delivery.
 */
export function asymmetricReceiver(descriptor: AsymmetricDescriptor): Receiver<AsymmetricOptions> {
  checkDescriptor(descriptor);
  const { timestamp } = descriptor;
  return {
    name: descriptor.name,
    contentTypes: descriptor.contentTypes ?? ['application/json'],
    ...(descriptor.ackDeadlineMs !== undefined && { ackDeadlineMs: descriptor.ackDeadlineMs }),
    profile: {
      schemes: [SCHEME_NAMES[descriptor.scheme]],
      handshakes: [],
      signsTimestamp: timestamp !== undefined,
    },
    checkSecret: (secret) =>
      importPublicKey(secret, descriptor.scheme, descriptor.publicKey)
        ? undefined
        : `is not ${descriptor.publicKey.hint}.`,
    parseOptions: (options) => {
      rejectUnknownOptions(options, descriptor.title, timestamp ? ['toleranceSeconds'] : []);
      return options?.toleranceSeconds === undefined
        ? {}
        : { toleranceSeconds: parseToleranceSeconds(options.toleranceSeconds) };
    },
    verify: (req, ctx) => verifyAsymmetric(descriptor, req, ctx),
    parse: descriptor.parse ?? ((req) => parseJsonObject(req.rawBody)),
    normalize: descriptor.normalize,
  };
}

function checkDescriptor(descriptor: AsymmetricDescriptor): void {
  const fail = (why: string) => {
    throw new Error(`The ${descriptor.title} descriptor: ${why}.`);
  };
  const parts = templateOf(descriptor); // throws on an unknown placeholder
  for (const name of ['id', 'url', 'method'] as const) {
    if (usesPlaceholder(parts, name)) fail(`{${name}} is not signed by any public-key provider`);
  }
  if (!usesPlaceholder(parts, 'body')) fail('signedContent does not sign {body}');
  if (usesPlaceholder(parts, 'timestamp') !== (descriptor.timestamp !== undefined)) {
    fail('{timestamp} and a timestamp header go together');
  }
  if (descriptor.scheme === 'ecdsa-p256' && descriptor.publicKey.encoding !== 'base64-spki') {
    fail('an ECDSA P-256 key is read as base64-spki');
  }
}
