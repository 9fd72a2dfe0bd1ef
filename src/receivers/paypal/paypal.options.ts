import { readFileSync } from 'node:fs';
import type { PaypalEnvironment } from './paypal.hosts';
import {
  bundleTrustAnchors,
  systemTrustAnchors,
  type TrustAnchors,
} from '../shared/certificates/trust-anchors';

export type PaypalVerification = 'offline' | 'postback';

export interface PaypalOptions {
  /** The id of this webhook registration in PayPal (part of the signed string). */
  readonly webhookId: string;
  readonly environment: PaypalEnvironment;
  readonly verification: PaypalVerification;
  /** Window on PAYPAL-TRANSMISSION-TIME, both directions; 0 turns it off. */
  readonly toleranceSeconds: number;
  /** Offline mode: what the signing certificate must chain to. */
  readonly trust: TrustAnchors;
  /** Postback mode: the REST app's client id (public); its secret is the endpoint's `secrets`. */
  readonly clientId?: string;
}

/**
 * PayPal re-sends a failed event (same body `id`) as a new transmission with its own id, time and
 * signature, so the window only has to absorb clock skew and transit, not PayPal's 3-day retry
 * schedule. 5 minutes matches the gateway's other providers.
 */
export const DEFAULT_PAYPAL_TOLERANCE_SECONDS = 300;

const KNOWN = [
  'webhookId',
  'environment',
  'verification',
  'toleranceSeconds',
  'caFile',
  'caPem',
  'clientId',
] as const;

export function parsePaypalOptions(raw: Record<string, unknown> | undefined): PaypalOptions {
  const options = raw ?? {};
  const unknown = Object.keys(options).filter((k) => !(KNOWN as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new Error(`options.${unknown[0]} is not a PayPal option; use ${KNOWN.join(', ')}.`);
  }

  const webhookId = options.webhookId;
  if (typeof webhookId !== 'string' || !/^[A-Za-z0-9-]{1,50}$/.test(webhookId)) {
    throw new Error(
      'options.webhookId is required: set it to the Webhook ID PayPal shows for this URL ' +
        '(Developer Dashboard → your app → Webhooks), e.g. "0FV983392A0531201".',
    );
  }

  const environment = options.environment ?? 'live';
  if (environment !== 'live' && environment !== 'sandbox') {
    throw new Error('options.environment must be "live" or "sandbox".');
  }

  const verification = options.verification ?? 'offline';
  if (verification !== 'offline' && verification !== 'postback') {
    throw new Error(
      'options.verification must be "offline" (check the certificate here) or "postback" ' +
        "(ask PayPal's verify-webhook-signature API).",
    );
  }

  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_PAYPAL_TOLERANCE_SECONDS;
  if (
    typeof toleranceSeconds !== 'number' ||
    !Number.isInteger(toleranceSeconds) ||
    toleranceSeconds < 0
  ) {
    throw new Error(
      'options.toleranceSeconds must be a whole number of seconds (0 turns the window off).',
    );
  }

  const clientId = options.clientId;
  if (verification === 'postback') {
    if (typeof clientId !== 'string' || clientId.trim() === '') {
      throw new Error(
        "options.clientId is required with verification: postback: set it to the REST app's " +
          "client id, and put the client secret in the endpoint's secrets.",
      );
    }
  } else if (clientId !== undefined) {
    throw new Error('options.clientId is only used with verification: postback; remove it.');
  }

  return {
    webhookId,
    environment,
    verification,
    toleranceSeconds,
    trust: parseTrust(options.caFile, options.caPem),
    clientId: verification === 'postback' ? (clientId as string) : undefined,
  };
}

function parseTrust(caFile: unknown, caPem: unknown): TrustAnchors {
  if (caFile !== undefined && caPem !== undefined) {
    throw new Error('options.caFile and options.caPem are alternatives; set only one.');
  }
  if (caFile !== undefined) {
    if (typeof caFile !== 'string' || caFile === '') {
      throw new Error('options.caFile must be the path of a PEM file of CA certificates.');
    }
    let pem: string;
    try {
      pem = readFileSync(caFile, 'utf8');
    } catch (error) {
      throw new Error(
        `options.caFile "${caFile}" cannot be read (${(error as NodeJS.ErrnoException).code}).`,
      );
    }
    return bundle('caFile', pem);
  }
  if (caPem !== undefined) {
    if (typeof caPem !== 'string')
      throw new Error('options.caPem must be PEM text of CA certificates.');
    return bundle('caPem', caPem);
  }
  return systemTrustAnchors();
}

function bundle(name: string, pem: string): TrustAnchors {
  try {
    return bundleTrustAnchors(pem);
  } catch (error) {
    throw new Error(`options.${name} is not a usable CA bundle: ${(error as Error).message}.`);
  }
}
