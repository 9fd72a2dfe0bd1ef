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

/** `endpoints[].forward[]` in the config file: one HTTP target a delivery is forwarded to. */
export class ForwardConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  url: string;

  /** Standard Webhooks signing secret: `whsec_` + base64 of 24-64 random bytes. */
  @IsOptional()
  @IsString()
  @Matches(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, {
    message: 'secret must be whsec_ followed by base64 (e.g. "whsec_$(openssl rand -base64 32)")',
  })
  secret?: string;

  @IsInt()
  @Min(100)
  timeoutMs = 10_000;
}

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
