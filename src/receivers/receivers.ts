import { githubReceiver } from './github/github.receiver';
import type { Receiver } from './receiver';

/**
 * The registry: one line per provider. A spec fails when a folder under `receivers/` is not
 * listed here, so a new receiver cannot be forgotten.
 */
export const RECEIVERS: readonly Receiver<any>[] = [
  githubReceiver,
];

/** Look a receiver up by its name or one of its aliases. */
export function findReceiver(
  name: string,
  receivers: readonly Receiver<any>[] = RECEIVERS,
): Receiver<any> | undefined {
  return receivers.find((r) => r.name === name || r.aliases?.includes(name));
}
