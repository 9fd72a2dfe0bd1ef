import type { EntitySchema } from 'typeorm';
import type { DeliveryRecord, RunRecord, StoreEntities } from './entities';

/** The entity schemas of the configured engine, injectable. */
export class StoreEntitiesRef implements StoreEntities {
  constructor(
    readonly Delivery: EntitySchema<DeliveryRecord>,
    readonly Run: EntitySchema<RunRecord>,
  ) {}
}
