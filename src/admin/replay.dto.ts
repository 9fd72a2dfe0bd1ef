import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) provider?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) endpoint?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) handler?: string;

  /** Which runs: dead ones (default), failed ones (waiting to retry), or both. */
  @ApiPropertyOptional({ type: [String], enum: ['dead', 'failed'], default: ['dead'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['dead', 'failed'], { each: true })
  statuses: ('dead' | 'failed')[] = ['dead'];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  receivedAfter?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  receivedBefore?: Date;

  /** Count only (default). Send `false` to replay what was counted. */
  @ApiPropertyOptional({ default: true, description: 'Count only; send false to replay.' })
  @IsOptional()
  @IsBoolean()
  dryRun = true;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, default: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  limit = 10_000;
}

export class BulkReplayResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Runs that match the filter.' }) matched: number;
  @ApiProperty({ description: 'Runs reset to run again (0 on a dry run).' }) replayed: number;
}

export class ReplayAccepted {
  @ApiProperty() id: string;
  @ApiProperty({ type: [String] }) handlers: string[];
}

export class RetryAccepted {
  @ApiProperty() id: string;
  @ApiProperty() handler: string;
}

export class ReplayQuery {
  /** Replay only this handler (by its name). */
  @ApiPropertyOptional({ description: 'Replay only this handler (by its name).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  handler?: string;
}
