import { parseToleranceSeconds, rejectUnknownOptions } from '../shared/options';

export interface StripeOptions {
  /** Largest accepted distance between the signed `t=` and now, both ways; 0 turns it off. */
  readonly toleranceSeconds: number;
}

/** Validate the endpoint's options at start-up; an unknown name is a typo, so refuse it. */
export function parseStripeOptions(options: Record<string, unknown> | undefined): StripeOptions {
  rejectUnknownOptions(options, 'Stripe', ['toleranceSeconds']);
  return { toleranceSeconds: parseToleranceSeconds(options?.toleranceSeconds) };
}
