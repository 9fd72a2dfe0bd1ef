import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AdminConfig } from './admin.config';
import { DatabaseConfig } from './database.config';
import { DispatchConfig, RetryConfig } from './dispatch.config';
import { EndpointConfig } from './endpoint.config';
import { ForwardConfig } from './forward.config';
import { HttpConfig } from './http.config';
import { LoggingConfig } from './logging.config';
import { MetricsConfig } from './metrics.config';
import { RetentionConfig } from './retention.config';

/**
 * The config file's shape (docs/configuration.md). Defaults live on these classes (one file per
 * section), so a minimal file is just `endpoints:`. Validation errors name the field path
 * (`endpoints[1].secrets`).
 */

// Every section's class is exported from here too, so importers keep one place to import from.
export {
  AdminConfig,
  DatabaseConfig,
  DispatchConfig,
  EndpointConfig,
  ForwardConfig,
  HttpConfig,
  LoggingConfig,
  MetricsConfig,
  RetentionConfig,
  RetryConfig,
};

/** What one process does, so the edge and the workers scale separately (docs/scale-out.md). */
export const GATEWAY_ROLES = ['all', 'api', 'worker'] as const;
export type GatewayRole = (typeof GATEWAY_ROLES)[number];

export class HookgateConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  /**
   * `all`: edge, admin API and workers. `api`: edge and admin API, no workers. `worker`:
   * workers, and over HTTP only health and metrics. HOOKGATE_ROLE overrides it.
   */
  @IsIn(GATEWAY_ROLES)
  role: GatewayRole = 'all';

  @ValidateNested()
  @Type(() => DatabaseConfig)
  database: DatabaseConfig = new DatabaseConfig();

  @ValidateNested()
  @Type(() => AdminConfig)
  admin: AdminConfig = new AdminConfig();

  @ValidateNested()
  @Type(() => HttpConfig)
  http: HttpConfig = new HttpConfig();

  @ValidateNested()
  @Type(() => DispatchConfig)
  dispatch: DispatchConfig = new DispatchConfig();

  @ValidateNested()
  @Type(() => MetricsConfig)
  metrics: MetricsConfig = new MetricsConfig();

  @ValidateNested()
  @Type(() => LoggingConfig)
  logging: LoggingConfig = new LoggingConfig();

  @ValidateNested()
  @Type(() => RetentionConfig)
  retention: RetentionConfig = new RetentionConfig();

  @IsArray()
  @ArrayNotEmpty({ message: 'endpoints must list at least one endpoint' })
  @ValidateNested({ each: true })
  @Type(() => EndpointConfig)
  endpoints: EndpointConfig[];

  /**
   * Handler modules the ready gateway loads at start-up (docs/handlers.md): paths or globs,
   * relative to the config file's folder. Unset: none (the example handlers with
   * `exampleHandlers`).
   */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  handlers?: string[];

  /**
   * The ready gateway registers its example handlers (src/handlers/) when `handlers` is unset.
   * On in the development config only, so a production gateway runs no demo code by default.
   */
  @IsBoolean()
  exampleHandlers = false;
}
