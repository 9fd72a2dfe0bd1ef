import type { Receiver, VerifyResult } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { refuse } from '../shared/refusal';
import { PaypalCertificateSource } from './paypal.cert-source';
import { checkCertUrl } from './paypal.cert-url';
import { normalizePaypalEvent } from './paypal.events';
import { timeoutFetcher, type Fetcher } from '../shared/fetch/fetcher';
import { PAYPAL_API_BASE } from './paypal.hosts';
import { PaypalAccessTokens } from './paypal.oauth';
import { verifyOffline } from './paypal.offline';
import { parsePaypalOptions, type PaypalOptions } from './paypal.options';
import { verifyByPostback } from './paypal.postback';
import { TransmissionReplayGuard } from './paypal.replay-guard';
import { readTransmission } from './paypal.transmission';

export interface PaypalReceiverDeps {
  /** All network access (certificates, OAuth, postback). Default: global fetch with a 5 s timeout. */
  readonly fetch?: Fetcher;
}

/** How long the replay guard remembers a transmission when the time window is turned off. */
const REPLAY_RETENTION_WITHOUT_WINDOW_SECONDS = 3600;

/**
 * PayPal REST webhooks. Verified offline by default (certificate from PAYPAL-CERT-URL, checked and
 * cached here), or by PayPal's postback API with `verification: postback`. The instance holds the
 * certificate and token caches, so one instance serves every PayPal endpoint.
 */
export function createPaypalReceiver(deps: PaypalReceiverDeps = {}): Receiver<PaypalOptions> {
  const fetcher = deps.fetch ?? timeoutFetcher();
  const certificates = new PaypalCertificateSource(fetcher);
  const tokens = new PaypalAccessTokens(fetcher);
  const replays = new TransmissionReplayGuard();

  return {
    name: 'paypal',
    contentTypes: ['application/json'],
    profile: { schemes: ['rsa-cert'], handshakes: [], signsTimestamp: true },
    // Offline mode needs no shared secret; postback takes the client secret from `secrets`.
    requiresSecret: false,

    parseOptions: parsePaypalOptions,

    async verify(req, { options, secrets, now }): Promise<VerifyResult> {
      const read = readTransmission(req, now, options.toleranceSeconds);
      if (!read.ok) return read;
      const { transmission } = read;
      // Vetted in both modes: offline it is fetched here; postback would only waste a call.
      const certUrl = checkCertUrl(transmission.certUrl, options.environment);
      if (!certUrl.ok) return refuse(certUrl.message);

      const result =
        options.verification === 'postback'
          ? await verifyByPostback(
              { fetcher, tokens },
              {
                apiBase: PAYPAL_API_BASE[options.environment],
                clientId: options.clientId!,
                secrets,
              },
              transmission,
              options.webhookId,
              req.rawBody,
              now,
            )
          : await verifyOffline(certificates, options, transmission, certUrl.url, req.rawBody, now);
      if (!result.ok) return result;

      const retention =
        options.toleranceSeconds > 0
          ? 2 * options.toleranceSeconds
          : REPLAY_RETENTION_WITHOUT_WINDOW_SECONDS;
      if (!replays.accept(options.webhookId, transmission.id, req.rawBody, now, retention)) {
        return refuse(
          'This PAYPAL-TRANSMISSION-ID was already accepted with a different body (a CRC-32 collision?).',
        );
      }
      return result;
    },

    parse: (req) => parseJsonObject(req.rawBody),
    normalize: normalizePaypalEvent,
  };
}

export const paypalReceiver = createPaypalReceiver();
