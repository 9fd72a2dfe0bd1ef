import type { SecretUse } from '../../api/types';
import { formatCount } from '../../components/format';
import { Time } from '../../components/time';

/** Refusals by reason (bad signature, stale timestamp, ...), most frequent first. */
export function Refusals({ refusals }: { refusals: Record<string, number> }) {
  const entries = Object.entries(refusals)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <span class="muted">none</span>;
  return (
    <ul class="plain">
      {entries.map(([reason, n]) => (
        <li key={reason}>
          <span class="mono">{reason}</span>: {formatCount(n)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Which configured secret verified deliveries (by its place in `secrets`, never its value),
 * so an old secret that no longer matches can be retired.
 */
export function SecretUses({ secrets }: { secrets: SecretUse[] }) {
  if (secrets.length === 0) return <span class="muted">no secret</span>;
  return (
    <ul class="plain">
      {secrets.map((s) => (
        <li key={s.index}>
          secret #{s.index + 1}:{' '}
          {s.matches > 0 ? (
            <>
              {formatCount(s.matches)} {s.matches === 1 ? 'match' : 'matches'}, last{' '}
              <Time iso={s.lastMatchedAt} ago />
            </>
          ) : (
            <span class="muted">no match</span>
          )}
        </li>
      ))}
    </ul>
  );
}
