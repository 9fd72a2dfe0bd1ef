import { EntitySchema } from 'typeorm';
import { Engine, engineTypes } from './engine';
/**
 * Entities are declared as schemas built per engine, so each engine gets its natural column
 * types (bytea/jsonb/timestamptz on PostgreSQL, blob/text/datetime on SQLite) from one
 * definition. Migrations create the same tables; `synchronize` stays off.
 */

import type { DeliveryBodyRecord, DeliveryRow, RunRecord } from './model';

export interface StoreEntities {
  readonly Delivery: EntitySchema<DeliveryRow>;
  readonly DeliveryBody: EntitySchema<DeliveryBodyRecord>;
  readonly Run: EntitySchema<RunRecord>;
}

const cache = new Map<Engine, StoreEntities>();

export function storeEntities(engine: Engine): StoreEntities {
  let entities = cache.get(engine);
  if (!entities) {
    entities = buildEntities(engine);
    cache.set(engine, entities);
  }
  return entities;
}

function buildEntities(engine: Engine): StoreEntities {
  const t = engineTypes(engine);
  const json = engine === 'postgres' ? { type: t.json } : { type: 'simple-json' as const };

  const Delivery = new EntitySchema<DeliveryRow>({
    name: 'Delivery',
    tableName: 'deliveries',
    columns: {
      id: { type: 'varchar', length: 36, primary: true },
      provider: { type: 'varchar', length: 64 },
      endpoint: { type: 'varchar', length: 128 },
      type: { type: 'varchar', length: 200 },
      providerDeliveryId: {
        name: 'provider_delivery_id',
        type: 'varchar',
        length: 200,
        nullable: true,
      },
      occurredAt: { name: 'occurred_at', type: t.timestamp, nullable: true },
      receivedAt: { name: 'received_at', type: t.timestamp },
      contentType: { name: 'content_type', type: 'varchar', length: 200, nullable: true },
      headers: { name: 'headers', ...json },
      status: { type: 'varchar', length: 16, default: 'pending' },
      attempts: { type: 'integer', default: 0 },
      planned: { type: 'boolean', default: false },
    },
  });

  const DeliveryBody = new EntitySchema<DeliveryBodyRecord>({
    name: 'DeliveryBody',
    tableName: 'delivery_bodies',
    columns: {
      deliveryId: { name: 'delivery_id', type: 'varchar', length: 36, primary: true },
      rawBody: { name: 'raw_body', type: t.binary },
    },
  });

  const Run = new EntitySchema<RunRecord>({
    name: 'Run',
    tableName: 'runs',
    columns: {
      id: { type: 'varchar', length: 36, primary: true },
      deliveryId: { name: 'delivery_id', type: 'varchar', length: 36 },
      handler: { type: 'varchar', length: 200 },
      status: { type: 'varchar', length: 16, default: 'pending' },
      attempts: { type: 'integer', default: 0 },
      nextAttemptAt: { name: 'next_attempt_at', type: t.timestamp },
      leaseOwner: { name: 'lease_owner', type: 'varchar', length: 64, nullable: true },
      leaseExpiresAt: { name: 'lease_expires_at', type: t.timestamp, nullable: true },
      lastError: { name: 'last_error', type: 'text', nullable: true },
      createdAt: { name: 'created_at', type: t.timestamp },
      updatedAt: { name: 'updated_at', type: t.timestamp },
      finishedAt: { name: 'finished_at', type: t.timestamp, nullable: true },
    },
  });

  return { Delivery, DeliveryBody, Run };
}
