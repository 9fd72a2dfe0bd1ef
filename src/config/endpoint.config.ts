// @Type reads the property's design:type metadata when the class is declared.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { ForwardConfig } from './forward.config';

/** `endpoints[]` in the config file: one provider's webhook URL and its secrets. */
export class EndpointConfig {
  @IsString()
  @IsNotEmpty()
  provider: string;

  /** The last URL segment: POST /webhooks/{provider}/{id}. Unique across the config. */
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, {
    message: 'id must be 1-128 characters of letters, digits, ".", "_" or "-"',
  })
  id: string;

  /** Every secret is tried, so a new one can be added before the old one is retired. */
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  secrets: string[] = [];

  /** The exact URL the provider calls, for providers that sign the URL (Trello, Twilio). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  publicUrl?: string;

  /** Provider-specific options, validated by the provider's receiver. */
  @IsOptional()
  @IsObject()
  options?: Record<string, unknown>;

  /** Targets each delivery is sent to, one run each (docs/forwarding.md). */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ForwardConfig)
  forward?: ForwardConfig[];

  /**
   * How long a reply handler has to answer, from the request's arrival (docs/handlers.md,
   * "Replying to the provider"). Default: the provider's timeout less 500 ms; never longer.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  replyDeadlineMs?: number;
}
