import type { NormalizedEvent, Receiver, IncomingWebhook } from '../receiver';
import { checkBasicSecret, verifyBasicCredentials } from './basic-credentials';
import { parseJsonObject } from './body';
import { rejectUnknownOptions } from './options';

/** A provider that signs nothing and sends the URL's Basic credentials (Azure DevOps, ...). */
export interface BasicCredentialsProvider {
  readonly name: string;
  readonly title: string;
  readonly aliases?: readonly string[];
  readonly normalize: (req: IncomingWebhook, payload: unknown) => NormalizedEvent;
}

/**
 * The receiver of such a provider: JSON bodies, no options, each secret `user:password`
 * (checked at start-up), compared with the request's Basic credentials in constant time.
 */
export function basicCredentialsReceiver(
  provider: BasicCredentialsProvider,
): Receiver<Record<string, never>> {
  return {
    name: provider.name,
    ...(provider.aliases && { aliases: provider.aliases }),
    contentTypes: ['application/json'],
    profile: { schemes: ['basic'], handshakes: [], signsTimestamp: false },
    parseOptions(options) {
      rejectUnknownOptions(
        options,
        provider.title,
        [],
        'the credentials go in secrets as user:password',
      );
      return {};
    },
    checkSecret: checkBasicSecret,
    verify: (req, { secrets }) => verifyBasicCredentials(req, secrets),
    parse: (req) => parseJsonObject(req.rawBody),
    normalize: provider.normalize,
  };
}
