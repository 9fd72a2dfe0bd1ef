import { IsBoolean, IsIn, IsOptional } from 'class-validator';

/** `logging:` in the config file. */
export class LoggingConfig {
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Human-readable lines instead of JSON. Default: on outside production. */
  @IsOptional()
  @IsBoolean()
  pretty?: boolean;
}
