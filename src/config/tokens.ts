/** Injection tokens shared across Hookgate's modules. */
export const HOOKGATE_CONFIG = Symbol('HOOKGATE_CONFIG');
export const CLOCK = Symbol('HOOKGATE_CLOCK');

/** The injected clock: everything time-dependent asks it, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
