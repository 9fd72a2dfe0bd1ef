import type { Colors } from '../io';

/** Green for done, red for dead, yellow for waiting to retry: what a person looks for first. */
export function colorStatus(colors: Colors, status: string): string {
  const trimmed = status.trim();
  if (trimmed === 'succeeded') return colors.green(status);
  if (trimmed === 'dead') return colors.red(status);
  if (trimmed === 'failed') return colors.yellow(status);
  return colors.dim(status);
}
