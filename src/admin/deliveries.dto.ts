import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DeliveryStatus, RunRecord } from '../store/entities';
import type { DeliverySummary } from '../store/delivery.queries';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'dead',
];

/** Query of `GET /admin/deliveries`. */
export class ListDeliveriesQuery {
  @IsOptional() @IsString() @MaxLength(64) provider?: string;
  @IsOptional() @IsString() @MaxLength(128) endpoint?: string;
  @IsOptional() @IsString() @MaxLength(200) type?: string;
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;
}

/** `Delivery` as DESIGN §3 defines it. */
export interface DeliveryView {
  id: string;
  provider: string;
  endpoint: string;
  type: string;
  providerDeliveryId: string | null;
  status: DeliveryStatus;
  receivedAt: string;
  attempts: number;
}

export interface RunView {
  handler: string;
  status: RunRecord['status'];
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
}

export interface DeliveryDetailView extends DeliveryView {
  payload: unknown;
  headers: Record<string, string>;
  runs: RunView[];
}

export function toDeliveryView(d: DeliverySummary): DeliveryView {
  return {
    id: d.id,
    provider: d.provider,
    endpoint: d.endpoint,
    type: d.type,
    providerDeliveryId: d.providerDeliveryId,
    status: d.status,
    receivedAt: d.receivedAt.toISOString(),
    attempts: d.attempts,
  };
}

export function toRunView(run: RunRecord): RunView {
  const waiting = run.status === 'pending' || run.status === 'failed';
  return {
    handler: run.handler,
    status: run.status,
    attempts: run.attempts,
    lastError: run.lastError,
    nextAttemptAt: waiting ? run.nextAttemptAt.toISOString() : null,
  };
}
