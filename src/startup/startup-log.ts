import pino, { type Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LoggingConfig } from '../config/config.schema';
import { EXIT_CODES, startupFailure } from './startup-failure';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The log the gateway writes before its app (and its nestjs-pino logger) exists, in the same
 * format: JSON lines in production, pretty lines elsewhere, `logging.pretty` and
 * `logging.level` once the config is loaded. Written synchronously, so that a line logged just
 * before `process.exit` is never lost.
 */
export function startupLogger(env: Env, logging?: LoggingConfig): PinoLogger {
  const pretty = logging?.pretty ?? env.NODE_ENV !== 'production';
  const stream = pretty
    ? pinoPretty({ sync: true, singleLine: true })
    : pino.destination({ dest: 1, sync: true });
  return pino({ level: logging?.level ?? 'info' }, stream).child({ context: 'Hookgate' });
}

/**
 * Log why the gateway cannot start and end the process. A foreseen reason is one line that says
 * what to do, with its exit code; anything else is logged with its stack and exits 1.
 */
export function exitOnStartupFailure(error: unknown, logger: PinoLogger, port?: number): never {
  const failure = startupFailure(error, port);
  if (failure) {
    logger.error({ reason: failure.reason, exitCode: failure.exitCode }, failure.message);
    process.exit(failure.exitCode);
  }
  logger.error(
    { err: error, exitCode: EXIT_CODES.unexpected },
    `The gateway could not start: ${(error as Error)?.message ?? String(error)}`,
  );
  process.exit(EXIT_CODES.unexpected);
}
