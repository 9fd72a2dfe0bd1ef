import type { EntitySchema } from 'typeorm';
import type { DeliveryBodyRecord, DeliveryRow, RunRecord } from './model';
import type { StoreEntities } from './entities';

/** The entity schemas of the configured engine, injectable. */
export class StoreEntitiesRef implements StoreEntities {
  constructor(
    readonly Delivery: EntitySchema<DeliveryRow>,
    readonly DeliveryBody: EntitySchema<DeliveryBodyRecord>,
    readonly Run: EntitySchema<RunRecord>,
  ) {}
}
