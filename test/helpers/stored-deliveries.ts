import type { DataSource } from 'typeorm';
import type { DeliveryRecord, StoreEntities } from '../../src/store/entities';

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
