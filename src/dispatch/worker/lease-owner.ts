import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A new identity for leases in the store: host name, process id and a random part (a restarted
 * process on the same pid is another owner). Fits the `lease_owner` column's 64 characters.
 */
export function newLeaseOwner(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
