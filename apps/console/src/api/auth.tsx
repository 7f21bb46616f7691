import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';

import { api, Schemas, unwrap } from './client';
import { clearSession, getToken, onSessionChange, setToken } from './session';

export type Me = Schemas['MeDto'];
export type Permission = Schemas['Permission'];

interface AuthState {
  token: string | null;
  me: Me | undefined;
  loading: boolean;
  can(permission: Permission): boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

/** The caller's profile for a token; the entry module starts it before the first render. */
export const meQuery = (token: string | null) =>
  queryOptions({
    queryKey: ['me', token],
    enabled: !!token,
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/auth/me')) as Promise<Me>,
  });

export function AuthProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(onSessionChange, getToken);
  const queryClient = useQueryClient();
  const me = useQuery(meQuery(token));

  const login = useCallback(async (username: string, password: string) => {
    const result = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
    queryClient.clear();
    setToken(result.accessToken);
  }, [queryClient]);

  const logout = useCallback(() => {
    clearSession();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthState>(() => {
    const permissions = new Set<Permission>(me.data?.permissions ?? []);
    return {
      token,
      me: me.data,
      loading: !!token && me.isPending,
      can: (permission) => permissions.has(permission),
      login,
      logout,
    };
  }, [token, me.data, me.isPending, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
