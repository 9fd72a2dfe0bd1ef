import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from './instant.validator';
import {
  ATTEMPT_OUTCOMES,
  type AttemptOutcome,
  type AttemptRecord,
  type DeliveryStatus,
  type RunRecord,
} from '../store/model';
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

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Received at or after this instant (ISO 8601, with Z or an offset; a date alone is UTC midnight).',
  })
  @IsOptional()
  @IsInstant()
  receivedAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Received before this instant.' })
  @IsOptional()
  @IsInstant()
  receivedBefore?: string;

  @ApiPropertyOptional({
    example: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    description:
      'Provider delivery ids that start with this text (case-sensitive prefix match from an ' +
      'index; a whole id finds that delivery). Empty: no filter, as for the others.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

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

/** One attempt of a run, as the attempt log keeps it. */
export class AttemptView {
  @ApiProperty({ description: '1 on the first attempt; a replay starts again from 1.' })
  attempt: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty() durationMs: number;
  @ApiProperty({ enum: ATTEMPT_OUTCOMES }) outcome: AttemptOutcome;
  @ApiProperty({ type: String, nullable: true, description: "The error's name and message." })
  error: string | null;
  @ApiProperty({ type: String, nullable: true }) stack: string | null;
}

export class RunView {
  @ApiProperty({ example: 'ReleaseNotes.onClosed' }) handler: string;
  @ApiProperty({ enum: ['pending', 'processing', 'succeeded', 'failed', 'dead'] })
  status: RunRecord['status'];
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the last recorded attempt started (null before the first is recorded).',
  })
  startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The stack of the last attempt's error, while lastError is set.",
  })
  lastErrorStack: string | null;
  @ApiProperty({ type: [AttemptView], description: 'Every recorded attempt, oldest first.' })
  attemptLog: AttemptView[];
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

/** A run with its attempts (those of the attempt log whose runId is the run's, oldest first). */
export function toRunView(run: RunRecord, attempts: readonly AttemptRecord[]): RunView {
  const waiting = run.status === 'pending' || run.status === 'failed';
  const log = attempts.filter((a) => a.runId === run.id);
  const last = log.at(-1);
  return {
    handler: run.handler,
    status: run.status,
    attempts: run.attempts,
    lastError: run.lastError,
    nextAttemptAt: waiting ? run.nextAttemptAt.toISOString() : null,
    startedAt: last?.startedAt.toISOString() ?? null,
    finishedAt: last ? new Date(last.startedAt.getTime() + last.durationMs).toISOString() : null,
    durationMs: last?.durationMs ?? null,
    lastErrorStack: run.lastError !== null ? (last?.stack ?? null) : null,
    attemptLog: log.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      outcome: a.outcome,
      error: a.error,
      stack: a.stack,
    })),
  };
}
