import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DeliveryStatus, RunRecord } from '../store/model';
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
  @ApiPropertyOptional({ example: 'github' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  provider?: string;

  @ApiPropertyOptional({ example: 'acme' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  endpoint?: string;

  @ApiPropertyOptional({ example: 'pull_request.opened', description: 'Exact normalized type.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  type?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;
}

/** `Delivery` as docs/operations.md ("Admin API") defines it. */
export class DeliveryView {
  @ApiProperty({ description: 'Gateway delivery id (UUIDv7, time-sortable).' }) id: string;
  @ApiProperty({ example: 'github' }) provider: string;
  @ApiProperty({ example: 'acme' }) endpoint: string;
  @ApiProperty({ example: 'pull_request.opened' }) type: string;
  @ApiProperty({ type: String, nullable: true }) providerDeliveryId: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ description: 'Highest attempt count among its runs.' }) attempts: number;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView] }) items: DeliveryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RunView {
  @ApiProperty({ example: 'ReleaseNotes.onClosed' }) handler: string;
  @ApiProperty({ enum: ['pending', 'processing', 'succeeded', 'failed', 'dead'] })
  status: RunRecord['status'];
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
}

export class DeliveryDetailView extends DeliveryView {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the event happened, where the provider says (null otherwise).',
  })
  occurredAt: string | null;
  @ApiProperty({ description: 'Parsed from the stored raw bytes (JSON or form).' })
  payload: unknown;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers: Record<
    string,
    string
  >;
  @ApiProperty({ type: [RunView] }) runs: RunView[];
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
