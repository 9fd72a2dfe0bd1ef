import { parseGenericHmacOptions } from '../../receivers/hmac/hmac.options';
import { descriptorSigner } from './descriptor-signer';
import { SignWebhookError, type Signer } from './signer';

/**
 * `provider: hmac`: the endpoint's options are read as the gateway reads them (a descriptor),
 * and the delivery is signed by the descriptor signer, which shares no code with verification.
 */
export const genericHmacSigner: Signer = {
  contentType: 'application/json',
  secretMeans: "the shared secret, as the endpoint's options say it is encoded",
  sign(input) {
    let descriptor;
    try {
      descriptor = parseGenericHmacOptions({ ...input.options }).descriptor;
    } catch (error) {
      throw new SignWebhookError(`hmac: ${(error as Error).message}`);
    }
    return descriptorSigner(descriptor).sign(input);
  },
};
