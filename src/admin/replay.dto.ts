import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Body of `POST /admin/runs/replay`. Without `dryRun: false` it only counts. */
export class BulkReplayRequest {
  @IsOptional() @IsString() @MaxLength(64) provider?: string;
  @IsOptional() @IsString() @MaxLength(128) endpoint?: string;
  @IsOptional() @IsString() @MaxLength(200) type?: string;
  @IsOptional() @IsString() @MaxLength(200) handler?: string;

  /** Which runs: dead ones (default), failed ones (waiting to retry), or both. */
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['dead', 'failed'], { each: true })
  statuses: ('dead' | 'failed')[] = ['dead'];

  @IsOptional() @Type(() => Date) @IsDate() receivedAfter?: Date;
  @IsOptional() @Type(() => Date) @IsDate() receivedBefore?: Date;

  /** Count only (default). Send `false` to replay what was counted. */
  @IsOptional() @IsBoolean() dryRun = true;

  @IsOptional() @IsInt() @Min(1) @Max(100_000) limit = 10_000;
}

export class ReplayQuery {
  /** Replay only this handler (by its name). */
  @IsOptional() @IsString() @MaxLength(200) handler?: string;
}
