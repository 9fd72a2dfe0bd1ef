import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * The config file's shape (DESIGN §3). Defaults live here, so a minimal file is just
 * `endpoints:`. Validation errors name the field path (`endpoints[1].secrets`).
 */

export class DatabaseConfig {
  /** `sqlite:PATH`, `sqlite::memory:`, or `postgres://user:pass@host:port/db`. */
  @IsString()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'url must be sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db',
  })
  url = 'sqlite:data/hookgate.sqlite';

  /**
   * SQLite durability. FULL (default): an acknowledged delivery survives a process crash and
   * a power loss. NORMAL: it survives a process crash; the last commits may roll back on power
   * loss. OFF is not offered: it would make the 2xx a lie.
   */
  @IsIn(['FULL', 'NORMAL'])
  sqliteSynchronous: 'FULL' | 'NORMAL' = 'FULL';

  /** PostgreSQL connection pool size per process. */
  @IsInt()
  @Min(1)
  @Max(1000)
  poolSize = 10;

  /**
   * PostgreSQL: send the inbox's insert as named prepared statements, parsed once per
   * connection. Turn off behind a transaction-mode pooler that does not track them (PgBouncer
   * before 1.21, or with max_prepared_statements = 0).
   */
  @IsBoolean()
  preparedStatements = true;
}

export class AdminConfig {
  /** Bearer token for /admin; the admin API is off without one. */
  @IsOptional()
  @IsString()
  @Matches(/^\S{16,}$/, { message: 'token must be at least 16 characters without spaces' })
  token?: string;
}

export class HttpConfig {
  /** Largest accepted webhook body, in bytes (GitHub's own cap is 25 MiB). */
  @IsInt()
  @Min(1024)
  maxBodyBytes = 25 * 1024 * 1024;

  /**
   * Trust X-Forwarded-Proto/Host when rebuilding the public URL of a request (only behind a
   * proxy you control). Endpoints with `publicUrl` never need it.
   */
  @IsBoolean()
  trustProxy = false;

  /** A client must send all request headers within this time (slowloris defence). */
  @IsInt()
  @Min(1000)
  headersTimeoutMs = 20_000;

  /** A client must send the whole request (headers and body) within this time. */
  @IsInt()
  @Min(1000)
  requestTimeoutMs = 60_000;

  /** Idle keep-alive connections are closed after this. */
  @IsInt()
  @Min(0)
  keepAliveTimeoutMs = 5_000;
}

export class RetryConfig {
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts = 8;

  @IsInt()
  @Min(0)
  initialDelayMs = 1000;

  @IsInt()
  @Min(0)
  maxDelayMs = 3_600_000;
}

export class DispatchConfig {
  /** Handler runs in flight per process. */
  @IsInt()
  @Min(1)
  @Max(1024)
  concurrency = 8;

  /**
   * Runs a worker may claim beyond its free slots while handlers are fast, so one store
   * transaction feeds several rounds of them (0 turns it off). Claimed-ahead runs wait in the
   * process and start as slots free; a crash can repeat up to concurrency + prefetch runs.
   */
  @IsInt()
  @Min(0)
  @Max(4096)
  prefetch = 64;

  @ValidateNested()
  @Type(() => RetryConfig)
  retry: RetryConfig = new RetryConfig();

  /** A handler run that takes longer fails with a timeout and is retried. */
  @IsInt()
  @Min(100)
  timeoutMs = 60_000;

  /**
   * How long a claimed run belongs to its process. If the process dies, another takes the run
   * over after this. Default: timeoutMs + 30 s. Must exceed timeoutMs.
   */
  @IsOptional()
  @IsInt()
  @Min(200)
  leaseMs?: number;

  /** Fallback poll for due retries and for work written by other processes. */
  @IsInt()
  @Min(10)
  pollIntervalMs = 1000;

  /** On SIGTERM, how long in-flight runs may finish before they are released. */
  @IsInt()
  @Min(0)
  shutdownGraceMs = 10_000;

  /** Run workers in this process (turn off for an edge-only process). */
  @IsBoolean()
  enabled = true;
}

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

export class LoggingConfig {
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Human-readable lines instead of JSON. Default: on outside production. */
  @IsOptional()
  @IsBoolean()
  pretty?: boolean;
}

export class RetentionConfig {
  /** Succeeded deliveries (and their runs) are deleted after this many days. */
  @IsInt()
  @Min(1)
  deliveriesDays = 30;

  /** Deliveries with a dead run are kept longer, for investigation and replay. */
  @IsInt()
  @Min(1)
  deadDays = 90;

  /** Optionally drop the raw body (keeping the metadata) after this many days. */
  @IsOptional()
  @IsInt()
  @Min(0)
  rawBodyDays?: number;

  /** How often the purge runs. */
  @IsInt()
  @Min(1000)
  intervalMs = 3_600_000;

  /** Rows per purge transaction: small batches never hold the store for long. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  batchSize = 500;
}

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
}

/** What one process does, so the edge and the workers scale separately (README: "Scale-out on PostgreSQL"). */
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
}
