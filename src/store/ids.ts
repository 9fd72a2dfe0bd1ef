import { v7 as uuidv7 } from 'uuid';

/** Gateway ids are UUIDv7: unique across processes and sortable by creation time. */
export function newId(): string {
  return uuidv7();
}
