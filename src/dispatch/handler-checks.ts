import type { ReceiverRegistry } from '../config/tokens';
import { findReceiver } from '../receivers/receivers';
import type { Receiver } from '../receivers/receiver';
import type { OnWebhookMetadata } from './on-webhook.decorator';
import { isValidTypePattern } from './type-pattern';

/** Whether an endpoint `id` of this receiver (by its name) is configured. */
export type EndpointExists = (receiverName: string, id: string) => boolean;

export type HandlerCheck = { receiver: Receiver<any> } | { problem: string };

/**
 * One `@OnWebhook` entry against the receivers and endpoints in use: its receiver, or what is
 * wrong. Shared by the explorer and the config's handler loader, so both say the same thing.
 */
export function checkHandlerMetadata(
  meta: OnWebhookMetadata,
  receivers: ReceiverRegistry,
  endpointExists: EndpointExists,
): HandlerCheck {
  const receiver = findReceiver(meta.provider, receivers);
  if (!receiver) {
    const known = receivers.map((r) => r.name).join(', ');
    return { problem: `unknown provider "${meta.provider}" (known: ${known})` };
  }
  if (!isValidTypePattern(meta.pattern)) {
    return {
      problem: `malformed type pattern "${meta.pattern}" (use an exact type, "prefix.*" or "*")`,
    };
  }
  if (meta.reply && !receiver.reply) {
    const replying = receivers.filter((r) => r.reply).map((r) => r.name);
    return {
      problem:
        `{ reply: true }, but ${receiver.name} does not read the HTTP answer, so a reply would never be seen. ` +
        `Remove the option (providers that read replies: ${replying.join(', ')})`,
    };
  }
  if (meta.endpoint !== undefined && !endpointExists(receiver.name, meta.endpoint)) {
    return { problem: `no ${receiver.name} endpoint "${meta.endpoint}" is configured` };
  }
  return { receiver };
}
