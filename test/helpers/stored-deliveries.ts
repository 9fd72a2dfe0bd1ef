import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RunQueue } from '../../src/store/run-queue';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import type { DeliveryRecord } from '../../src/store/model';
import type { StoreEntities } from '../../src/store/entities';
import { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { createTestApp, ManualClock, testConfig, TestApp } from './test-app';

/** An app without a worker, for tests that take the store's turns and plannings themselves. */
export interface StoreOnlyApp {
  t: TestApp;
  runs: RunQueue;
  dataSource: DataSource;
  entities: StoreEntitiesRef;
}

export async function storeOnlyApp(clock: ManualClock): Promise<StoreOnlyApp> {
  const t = await createTestApp(testConfig({ dispatch: { enabled: false } }), { clock });
  return {
    t,
    runs: t.app.get(RunQueue),
    dataSource: t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION)),
    entities: t.app.get(StoreEntitiesRef),
  };
}

/** A GitHub `push` delivery record with the delivery id `id`, planned, with a `{}` body. */
export function pushDeliveryRecord(
  id: string,
  receivedAt: Date,
  fields: Partial<DeliveryRecord> = {},
): DeliveryRecord {
  return {
    id,
    provider: 'github',
    endpoint: 'acme',
    type: 'push',
    providerDeliveryId: id,
    occurredAt: null,
    receivedAt,
    contentType: 'application/json',
    headers: {},
    rawBody: Buffer.from('{}'),
    status: 'pending',
    attempts: 0,
    planned: true,
    ...fields,
  };
}

/**
 * Tests that set up the store directly: a delivery record goes to `deliveries`, its body (when
 * it has one) to `delivery_bodies`, as the inbox stores them.
 */
export async function insertDeliveryRecords(
  dataSource: DataSource,
  entities: Pick<StoreEntities, 'Delivery' | 'DeliveryBody'>,
  records: readonly DeliveryRecord[],
): Promise<void> {
  await dataSource
    .getRepository(entities.Delivery)
    .insert(records.map(({ rawBody: _body, ...row }) => row));
  const bodies = records
    .filter((record) => record.rawBody !== null)
    .map((record) => ({ deliveryId: record.id, rawBody: record.rawBody! }));
  if (bodies.length > 0) await dataSource.getRepository(entities.DeliveryBody).insert(bodies);
}

/** A stored delivery read back whole: its row and its body (null when it has none). */
export async function readDeliveryRecord(
  dataSource: DataSource,
  entities: Pick<StoreEntities, 'Delivery' | 'DeliveryBody'>,
  id: string,
): Promise<DeliveryRecord> {
  const row = await dataSource.getRepository(entities.Delivery).findOneByOrFail({ id });
  const body = await dataSource.getRepository(entities.DeliveryBody).findOneBy({ deliveryId: id });
  return { ...row, rawBody: body?.rawBody ?? null };
}
