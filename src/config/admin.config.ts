import { IsOptional, IsString, Matches } from 'class-validator';

/** `admin:` in the config file. */
export class AdminConfig {
  /** Bearer token for /admin; the admin API is off without one. */
  @IsOptional()
  @IsString()
  @Matches(/^\S{16,}$/, { message: 'token must be at least 16 characters without spaces' })
  token?: string;
}
