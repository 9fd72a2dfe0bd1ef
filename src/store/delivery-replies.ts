import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import type { StoredReply } from './model';
import { REPLIES_TABLE } from './sql/replies';

interface ReplyRow {
  status: number | string;
  headers: string;
  body: Buffer;
}

/**
 * The read side of reply handlers' answers: what a provider's retry of a delivery gets again.
 * They are written with their run's outcome (RunQueue.recordReply) and deleted with their
 * delivery (StoreMaintenance).
 */
@Injectable()
export class DeliveryReplies {
  constructor(@InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource) {}

  async find(deliveryId: string): Promise<StoredReply | undefined> {
    const row: ReplyRow | undefined = await this.dataSource
      .createQueryBuilder()
      .select(['r.status AS status', 'r.headers AS headers', 'r.body AS body'])
      .from(REPLIES_TABLE, 'r')
      .where('r.delivery_id = :deliveryId', { deliveryId })
      .getRawOne();
    if (!row) return undefined;
    return {
      status: Number(row.status),
      headers: JSON.parse(row.headers) as Record<string, string>,
      body: row.body,
    };
  }
}
