import { setFlagsFromString } from 'node:v8';

/** Old-generation growth between full collections: 1 + percent / 100 times the live heap. */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Bound how far V8 lets the heap grow before a full collection. By default it lets the heap
 * grow further when collections are cheap, and the gateway's short-lived objects that survive
 * two scavenges (request bodies in flight across a commit) pile up; a factor of 2 bounds peak
 * memory without costing throughput (docs/adr/0006-bounded-heap-growth.md). V8 reads the flag at
 * every collection, so setting it at start-up works; one given on the node command line wins.
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
