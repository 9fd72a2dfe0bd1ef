import { IsBoolean, IsInt, Min } from 'class-validator';

/** `http:` in the config file: limits and timeouts of the HTTP server. */
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
