import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client.js';
import type { Me } from '../api/types.js';

export interface Session {
  api: Api;
  me: Me;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; components below App only render once there is one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside a signed-in session');
  return session;
}
