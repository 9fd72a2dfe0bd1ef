import { ConfigError } from '../config/config.loader';
import { InvalidHandlerError } from '../dispatch/webhook.explorer';
import { StoreMigrationError, StoreUnreachableError } from '../store/store-errors';

/**
 * The gateway's exit codes when it cannot start, from sysexits.h so that supervisors and
 * scripts can tell a mistake to fix from a service to wait for (docs/operations.md).
 */
export const EXIT_CODES = {
  /** EX_CONFIG: the config, or a handler class or module it names. */
  config: 78,
  /** EX_UNAVAILABLE: the store does not answer, or the port is taken. */
  unavailable: 69,
  /** EX_NOPERM: the port needs privileges the process does not have. */
  noPermission: 77,
  /** EX_SOFTWARE: a migration of the store failed. */
  software: 70,
  /** Anything not foreseen: logged with its stack, as a bug to report. */
  unexpected: 1,
} as const;

export type StartupFailureReason =
  'config' | 'handlers' | 'port-in-use' | 'port-not-permitted' | 'store-unreachable' | 'migrations';

/** A foreseen reason the gateway cannot start: one line that says what to do, and its exit code. */
export interface StartupFailure {
  readonly reason: StartupFailureReason;
  readonly exitCode: number;
  readonly message: string;
}

/** What `error` means at start-up, or undefined when it was not foreseen. */
export function startupFailure(error: unknown, port?: number): StartupFailure | undefined {
  const failure = (reason: StartupFailureReason, exitCode: number, message: string) => ({
    reason,
    exitCode,
    message: oneLine(message),
  });
  if (error instanceof ConfigError) {
    const handlers = /^(Handler |Cannot load the handler module )/.test(error.message);
    return failure(handlers ? 'handlers' : 'config', EXIT_CODES.config, error.message);
  }
  if (error instanceof InvalidHandlerError) {
    return failure(
      'handlers',
      EXIT_CODES.config,
      `${error.message}. Fix its @OnWebhook, or the config's endpoints.`,
    );
  }
  if (error instanceof StoreUnreachableError) {
    return failure('store-unreachable', EXIT_CODES.unavailable, error.message);
  }
  if (error instanceof StoreMigrationError) {
    return failure('migrations', EXIT_CODES.software, error.message);
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return failure(
      'port-in-use',
      EXIT_CODES.unavailable,
      `Port ${port} is already in use: stop what listens there, or set PORT (or port: in the ` +
        'config) to a free port.',
    );
  }
  if (code === 'EACCES') {
    return failure(
      'port-not-permitted',
      EXIT_CODES.noPermission,
      `Port ${port} needs privileges this process does not have: use a port above 1023 (and ` +
        'map it in the container or proxy), or grant the process CAP_NET_BIND_SERVICE.',
    );
  }
  return undefined;
}

/** A message of several lines (the config's list of problems) as one. */
function oneLine(message: string): string {
  const parts = message
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(Boolean);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts[0]} ${parts.slice(1).join('; ')}`;
}
