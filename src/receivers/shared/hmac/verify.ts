import type { IncomingWebhook, ReceiverContext, VerifyResult } from '../../receiver';
import { parseJsonBody } from '../body';
import { refuse } from '../refusal';
import { checkTimestampWindow, DEFAULT_TOLERANCE_SECONDS } from '../timestamp-window';
import { signatureCandidates } from './candidates';
import { usesPlaceholder, type ContentPart } from '../signed-content';
import type { FieldSource, HmacDescriptor, HmacOptions } from './descriptor';
import { readField } from './fields';
import { chooseSignature } from './legacy';
import { matchHmac, templateOf } from './signature';
import { readTimestamp, type SignedTimestamp } from './timestamp';

/**
 * Verify a request the way the descriptor says: the signature header(s) (or the legacy ones,
 * when only those are sent and the endpoint opted in), the signed timestamp and id when the
 * template names them, every secret against every signature; then the timestamp window, so
 * `stale-timestamp` means "authentic, but too old or too new".
 */
export function verifyHmac<Options>(
  descriptor: HmacDescriptor<Options>,
  req: IncomingWebhook,
  ctx: ReceiverContext<Options>,
): VerifyResult {
  const chosen = chooseSignature(descriptor, req, ctx.options);
  if (!chosen) {
    return refuse(descriptor.messages?.missing ?? missingMessage(descriptor.signature.headers));
  }
  if ('refused' in chosen) return refuse(chosen.refused);
  const { values, descriptor: scheme } = chosen; // the legacy one, when only that was sent

  let timestamp: SignedTimestamp | undefined;
  if (descriptor.timestamp) {
    const read = readTimestamp(req, descriptor.timestamp, scheme.signature, values);
    if ('missing' in read) return refuse(read.missing);
    timestamp = read;
  }

  const parts = templateOf(descriptor);
  let id: string | undefined;
  if (usesPlaceholder(parts, 'id')) {
    const source = descriptor.id as FieldSource; // checked when the receiver was built
    id = readField(req, 'path' in source ? unverifiedJson(req) : undefined, source);
    if (!id)
      return refuse(
        `${'header' in source ? source.header : `The body's "${source.path}"`} is missing.`,
      );
  }

  const url = descriptor.signedUrl ? descriptor.signedUrl(req, ctx.options) : req.url;
  const input = { body: req.rawBody, timestamp: timestamp?.raw, id, url, method: req.method };
  const secretIndex = matchHmac(scheme, values, input, ctx.secrets);
  if (secretIndex < 0) return refuse(mismatchMessage(scheme, parts, values, url));

  if (timestamp) {
    const tolerance =
      (ctx.options as HmacOptions | undefined)?.toleranceSeconds ??
      descriptor.timestamp?.toleranceSeconds ??
      DEFAULT_TOLERANCE_SECONDS;
    const window = checkTimestampWindow(timestamp.seconds, ctx.now, tolerance);
    if (!window.ok) return refuse(window.message, 'stale-timestamp');
  }
  return { ok: true, secretIndex };
}

/** `X-Signature is missing.`, or `A (or B, C) is missing.` */
function missingMessage(headers: readonly string[]): string {
  const others = headers.slice(1);
  return `${headers[0]}${others.length > 0 ? ` (or ${others.join(', ')})` : ''} is missing.`;
}

function mismatchMessage(
  descriptor: HmacDescriptor<any>,
  parts: readonly ContentPart[],
  values: readonly string[],
  url: string,
): string {
  const { list, headers } = descriptor.signature;
  if (list?.signatureKey && signatureCandidates(values, descriptor.signature).length === 0) {
    return `${headers[0]} has no "${list.signatureKey}" signature.`;
  }
  if (descriptor.messages?.mismatch) return descriptor.messages.mismatch.replace('{url}', url);
  const fields = parts.flatMap((part) => ('field' in part ? [part.field] : []));
  const signed =
    fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : fields[0];
  return `The signature does not match the ${signed ?? 'content'} under any configured secret.`;
}

function unverifiedJson(req: IncomingWebhook): unknown {
  try {
    return parseJsonBody(req.rawBody);
  } catch {
    return undefined;
  }
}
