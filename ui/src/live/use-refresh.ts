import { useEffect, useRef } from 'preact/hooks';
import type { LiveEvent } from '../api/types';
import { useLive } from './live-context';

/** How often a page refreshes while the stream is open (other processes' work) or not. */
export const POLL_WHILE_LIVE_MS = 30_000;
export const POLL_WITHOUT_STREAM_MS = 5_000;
/** Events closer together than this share one refresh. */
const REFRESH_GAP_MS = 500;

/**
 * Call `refresh` when a live event `matters`, at most once per REFRESH_GAP_MS, and on a timer:
 * rarely while the stream is open (it only carries this process's events), often while it
 * is not. `enabled: false` pauses both (a page showing older rows).
 */
export function useRefresh(
  refresh: () => void,
  matters: (event: LiveEvent) => boolean,
  enabled = true,
): void {
  const { state, subscribe } = useLive();
  const latest = useRef({ refresh, matters });
  latest.current = { refresh, matters };

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe((event) => {
      if (!latest.current.matters(event) || timer) return;
      timer = setTimeout(() => {
        timer = null;
        latest.current.refresh();
      }, REFRESH_GAP_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [enabled, subscribe]);

  useEffect(() => {
    if (!enabled) return;
    const every = state === 'live' ? POLL_WHILE_LIVE_MS : POLL_WITHOUT_STREAM_MS;
    const interval = setInterval(() => latest.current.refresh(), every);
    return () => clearInterval(interval);
  }, [enabled, state]);
}
