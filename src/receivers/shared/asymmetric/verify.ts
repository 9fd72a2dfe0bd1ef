import type { IncomingWebhook, ReceiverContext, VerifyResult } from '../../receiver';
import { refuse } from '../refusal';
import { timestampSeconds, UNIT_TEXT, type SignedTimestamp } from '../signed-timestamp';
import { checkTimestampWindow, DEFAULT_TOLERANCE_SECONDS } from '../timestamp-window';
import type { AsymmetricDescriptor, AsymmetricOptions } from './descriptor';
import { decodeSignature, matchPublicKey } from './signature';

/**
 * Verify a request the way the descriptor says: the signature header, the timestamp header
 * when one is signed, every configured public key; then the timestamp window, so
 * `stale-timestamp` means "authentic, but too old or too new".
 */
export function verifyAsymmetric(
  descriptor: AsymmetricDescriptor,
  req: IncomingWebhook,
  ctx: ReceiverContext<AsymmetricOptions>,
): VerifyResult {
  const { header, encoding } = descriptor.signature;
  const sent = req.headers[header.toLowerCase()];
  if (!sent) return refuse(`${header} is missing.`);

  let timestamp: SignedTimestamp | undefined;
  if (descriptor.timestamp) {
    const { header: name, unit } = descriptor.timestamp;
    const raw = req.headers[name.toLowerCase()];
    const seconds = raw === undefined ? NaN : timestampSeconds(raw, unit);
    if (raw === undefined || Number.isNaN(seconds)) {
      return refuse(`${name} is missing or not ${UNIT_TEXT[unit]}.`);
    }
    timestamp = { raw, seconds };
  }

  const signature = decodeSignature(descriptor, sent);
  if (!signature) {
    return refuse(`${header} is not ${ARTICLE[encoding]} ${descriptor.title} signature.`);
  }
  const input = { body: req.rawBody, timestamp: timestamp?.raw };
  const secretIndex = matchPublicKey(descriptor, signature, input, ctx.secrets);
  if (secretIndex < 0) return refuse(mismatchMessage(descriptor));

  if (timestamp) {
    const tolerance =
      ctx.options?.toleranceSeconds ??
      descriptor.timestamp?.toleranceSeconds ??
      DEFAULT_TOLERANCE_SECONDS;
    const window = checkTimestampWindow(timestamp.seconds, ctx.now, tolerance);
    if (!window.ok) return refuse(window.message, 'stale-timestamp');
  }
  return { ok: true, secretIndex };
}

const ARTICLE = { hex: 'a hex', base64: 'a base64' } as const;

function mismatchMessage(descriptor: AsymmetricDescriptor): string {
  const signed = descriptor.timestamp ? 'timestamp and body' : 'body';
  return (
    `The signature does not verify over the ${signed} under any configured public key; ` +
    `the endpoint's secrets must hold ${descriptor.publicKey.hint}.`
  );
}
