import { IsOptional, IsString, Matches } from 'class-validator';

/** `metrics:` in the config file: the Prometheus endpoint. */
export class MetricsConfig {
  /** Where Prometheus scrapes. */
  @IsString()
  @Matches(/^\/[A-Za-z0-9/_-]*$/, { message: 'path must start with / (e.g. /metrics)' })
  path = '/metrics';

  /** Optional bearer token for the metrics endpoint (16+ chars). */
  @IsOptional()
  @IsString()
  @Matches(/^\S{16,}$/, { message: 'token must be at least 16 characters without spaces' })
  token?: string;
}
