import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of `GET /admin/failures`. */
export class FailuresQuery {
  @ApiPropertyOptional({
    enum: ['handler', 'error'],
    default: 'handler',
    description: "`error`: by handler and the first line of the runs' last error.",
  })
  @IsOptional()
  @IsIn(['handler', 'error'])
  groupBy: 'handler' | 'error' = 'handler';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}

export class FailureGroupView {
  @ApiProperty({ example: 'ReleaseNotes.onClosed' }) handler: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'TypeError: Cannot read properties of undefined',
    description: "The runs' last error, first line (name and message); null by handler only.",
  })
  error: string | null;
  @ApiProperty({ description: 'Dead runs: they run again only when replayed or retried.' })
  dead: number;
  @ApiProperty({ description: 'Failed runs that will be attempted again (status failed).' })
  failing: number;
  @ApiProperty({ format: 'date-time', description: "The group's earliest recorded failure." })
  oldest: string;
  @ApiProperty({ format: 'date-time', description: "The group's latest recorded failure." })
  newest: string;
  @ApiProperty({ description: "The newest delivery's id, to open one example." })
  sampleDeliveryId: string;
}

export class FailureGroupsView {
  @ApiProperty({ type: [FailureGroupView], description: 'Largest groups first.' })
  groups: FailureGroupView[];
}
