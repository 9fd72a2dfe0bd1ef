import { formatAgo, formatTime } from './format';

/** A moment as a <time>: absolute by default, relative with `ago`; the other in its title. */
export function Time({ iso, ago = false }: { iso: string | null | undefined; ago?: boolean }) {
  if (!iso) return <span class="muted">—</span>;
  const exact = formatTime(iso);
  return (
    <time dateTime={iso} title={ago ? exact : formatAgo(iso)}>
      {ago ? formatAgo(iso) : exact}
    </time>
  );
}
