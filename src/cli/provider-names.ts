import { distance } from 'fastest-levenshtein';
import { findReceiver, RECEIVERS } from '../receivers/receivers';
import { CliError } from './io';

/** The receiver's name for a provider name or alias, or a one-line error with close names. */
export function resolveProviderName(name: string): string {
  const receiver = findReceiver(name);
  if (receiver) return receiver.name;
  const close = closeNames(name);
  const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
  throw new CliError(`Unknown provider "${name}".${hint} (hookgate providers lists them all.)`);
}

/** Names and aliases a typo or a partial name probably meant, closest first. */
export function closeNames(name: string, limit = 3): string[] {
  const wanted = name.toLowerCase();
  const known = RECEIVERS.flatMap((r) => [r.name, ...(r.aliases ?? [])]);
  const scored = known.map((candidate) => {
    const contains = wanted.length >= 3 && candidate.includes(wanted);
    return { candidate, score: contains ? 0 : distance(wanted, candidate) };
  });
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  return scored
    .filter((s) => s.score <= tolerance)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
