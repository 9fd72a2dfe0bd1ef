import type { IncomingWebhook } from '../../receiver';
import { signatureHeaderValues } from './candidates';
import type { HmacDescriptor } from './descriptor';

/**
 * Which signature source a request is checked against: the descriptor's own, or its legacy
 * one (a descriptor of its own, so signing and messages need no second code path), with the
 * header values sent; a refusal when only the legacy one is sent and the endpoint did not opt
 * in; undefined when neither is sent.
 */
export type SignatureChoice =
  | { readonly descriptor: HmacDescriptor<any>; readonly values: string[] }
  | { readonly refused: string }
  | undefined;

export function chooseSignature(
  descriptor: HmacDescriptor<any>,
  req: IncomingWebhook,
  options: unknown,
): SignatureChoice {
  const values = signatureHeaderValues(req, descriptor.signature);
  if (values) return { descriptor, values };
  const legacy = descriptor.legacySignature;
  const legacyValues = legacy && signatureHeaderValues(req, legacy.signature);
  if (!legacy || !legacyValues) return undefined;
  if ((options as Record<string, unknown> | undefined)?.[legacy.option] !== true) {
    const name = `${legacy.algorithm.toUpperCase()} ${legacy.signature.headers[0]}`;
    return {
      refused: `${descriptor.signature.headers[0]} is missing (${name} is off; set options.${legacy.option} to accept it).`,
    };
  }
  return { descriptor: legacyDescriptorOf(descriptor), values: legacyValues };
}

const legacyDescriptors = new WeakMap<object, HmacDescriptor<any>>();

/** The descriptor with its legacy source in place of its own; made once per descriptor. */
function legacyDescriptorOf(descriptor: HmacDescriptor<any>): HmacDescriptor<any> {
  let legacyDescriptor = legacyDescriptors.get(descriptor);
  if (!legacyDescriptor) {
    const { legacySignature, ...rest } = descriptor;
    legacyDescriptor = {
      ...rest,
      algorithm: legacySignature!.algorithm,
      signature: legacySignature!.signature,
    };
    legacyDescriptors.set(descriptor, legacyDescriptor);
  }
  return legacyDescriptor;
}
