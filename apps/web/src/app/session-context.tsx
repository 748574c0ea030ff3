import type { Role, SessionResponse } from '@rytask/contracts';
import { createContext, useContext, type ReactNode } from 'react';

export type SessionValue = {
  session: SessionResponse;
  role: Role;
  /** MEMBER and up create and edit work; VIEWERs only read, and see no edit controls. */
  canEdit: boolean;
  /** OWNER and ADMIN manage members, invites and settings. */
  canManage: boolean;
  onSessionChange: (session: SessionResponse) => void;
  signOut: () => void;
  signingOut: boolean;
};

const SessionContext = createContext<SessionValue | null>(null);

type ProviderProps = Omit<SessionValue, 'role' | 'canEdit' | 'canManage'> & { children: ReactNode };

export function SessionProvider({ children, ...rest }: ProviderProps) {
  const role = rest.session.role;
  const value: SessionValue = {
    ...rest,
    role,
    canEdit: role !== 'VIEWER',
    canManage: role === 'OWNER' || role === 'ADMIN',
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only used below the shell, where there always is one. */
export function useSessionContext(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext is used outside the signed-in shell');
  return value;
}
