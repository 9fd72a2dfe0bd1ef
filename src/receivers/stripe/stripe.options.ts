import { DEFAULT_TOLERANCE_SECONDS } from '../shared/timestamp-window';

export interface StripeOptions {
  /** Largest accepted distance between the signed `t=` and now, both ways; 0 turns it off. */
  readonly toleranceSeconds: number;
}

/** Validate the endpoint's options at start-up; an unknown name is a typo, so refuse it. */
export function parseStripeOptions(options: Record<string, unknown> | undefined): StripeOptions {
  const { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, ...others } = options ?? {};
  const unknown = Object.keys(others);
  if (unknown.length > 0) {
    throw new Error(
      `options.${unknown[0]} is not a Stripe option; the only option is toleranceSeconds.`,
    );
  }
  if (
    typeof toleranceSeconds !== 'number' ||
    !Number.isInteger(toleranceSeconds) ||
    toleranceSeconds < 0
  ) {
    throw new Error(
      `options.toleranceSeconds must be a whole number of seconds >= 0 (default ${DEFAULT_TOLERANCE_SECONDS}, as stripe-node; 0 turns the timestamp check off).`,
    );
  }
  return { toleranceSeconds };
}
