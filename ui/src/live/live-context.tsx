import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LiveEvent } from '../api/types';
import { useSession } from '../auth/session';
import { followEvents, type LiveState } from './follow-events';

type Listener = (event: LiveEvent) => void;

interface Live {
  state: LiveState;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<Live | null>(null);

/** One event stream for the whole signed-in session, shared by every page. */
export function LiveProvider({ children }: { children: ComponentChildren }) {
  const { client } = useSession();
  const [state, setState] = useState<LiveState>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(
    () =>
      followEvents(
        client,
        (event) => listeners.current.forEach((listener) => listener(event)),
        setState,
      ),
    [client],
  );

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const live = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}
