import type { Receiver } from '../../receiver';
import { parseFormBody, parseJsonObject } from '../body';
import { rejectUnknownOptions } from '../options';
import { checkCodeSecret, verifyCode } from './code-secret';
import type { CodeDescriptor } from './descriptor';
import { normalizeCodeFields } from './fields';
import { answerGetValidator, answerPing } from './handshakes';

/** These providers take no options: everything is in the descriptor and the secret. */
export type CodeOptions = Record<string, never>;

/**
 * Turn a descriptor into a `Receiver` authenticated by `?code=` (code-secret.ts). The code is
 * compared with every configured secret and is never stored (the stored delivery holds no URL)
 * nor logged (the webhook route logs the path without its query; refusals never quote it).
 */
export function codeReceiver(descriptor: CodeDescriptor): Receiver<CodeOptions> {
  if (!descriptor.type && !descriptor.normalize) {
    throw new Error(`The ${descriptor.title} descriptor: it names neither type nor normalize.`);
  }
  const { ping } = descriptor;
  return {
    name: descriptor.name,
    ...(descriptor.aliases && { aliases: descriptor.aliases }),
    contentTypes: descriptor.contentTypes,
    ...(descriptor.getValidator && { methods: ['GET', 'POST'] }),
    ...(descriptor.ackDeadlineMs !== undefined && { ackDeadlineMs: descriptor.ackDeadlineMs }),
    profile: {
      schemes: ['code'],
      handshakes: [
        ...(descriptor.getValidator ? ['get-validator'] : []),
        ...(ping ? ['ping'] : []),
      ],
      signsTimestamp: false,
    },
    parseOptions(options) {
      rejectUnknownOptions(options, descriptor.title, [], 'the secret goes in secrets');
      return {};
    },
    checkSecret: checkCodeSecret,
    ...(descriptor.getValidator && {
      handshakeBeforeVerify: (req, ctx) => answerGetValidator(req, ctx.secrets),
    }),
    verify: (req, { secrets }) => verifyCode(req, secrets),
    parse: (req) =>
      descriptor.body === 'form' ? parseFormBody(req.rawBody) : parseJsonObject(req.rawBody),
    ...(ping && { handshakeAfterVerify: (_req, payload) => answerPing(ping, payload) }),
    normalize:
      descriptor.normalize ?? ((req, payload) => normalizeCodeFields(descriptor, req, payload)),
  };
}
