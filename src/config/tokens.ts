import type { Receiver } from '../receivers/receiver';

/** Injection tokens shared across Hookgate's modules. */
export const HOOKGATE_CONFIG = Symbol('HOOKGATE_CONFIG');
export const CLOCK = Symbol('HOOKGATE_CLOCK');
/** The receivers in use: the built-in registry, or the list given to HookgateModule.forRoot. */
export const RECEIVER_REGISTRY = Symbol('HOOKGATE_RECEIVERS');
export type ReceiverRegistry = readonly Receiver<any>[];

/** The injected clock: everything time-dependent asks it, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
