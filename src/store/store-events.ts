import { EventEmitter } from 'node:events';

/**
 * In-process signal that new deliveries were committed, so workers wake at once instead of
 * waiting for their next poll. Losing a signal costs latency, never a delivery.
 */
export class StoreEvents extends EventEmitter {
  notifyStored(count: number): void {
    if (count > 0) this.emit('stored', count);
  }

  onStored(listener: (count: number) => void): () => void {
    this.on('stored', listener);
    return () => this.off('stored', listener);
  }
}
