import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminClient } from '../api/client';

/** What every signed-in page needs: the API client and a way out. */
export interface Session {
  client: AdminClient;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
