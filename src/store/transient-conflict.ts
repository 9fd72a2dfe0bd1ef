/** PostgreSQL errors that mean "this transaction lost a race": running it again is safe. */
const TRANSIENT_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

export function isTransientConflict(error: unknown): boolean {
  const failure = error as { code?: string; driverError?: { code?: string } } | null;
  const code = failure?.code ?? failure?.driverError?.code;
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/**
 * Run a whole transaction again (a few times, after a short random pause) when the database
 * aborted it to break a deadlock. `transaction` must start from scratch on every call.
 */
export async function retryTransientConflicts<T>(
  transaction: () => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
