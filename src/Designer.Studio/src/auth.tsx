import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, resetAntiforgery } from './api/client';
import type { Me } from './api/types';

interface AuthState {
  me: Me | null;
  loading: boolean;
  login: (userName: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState>({
  me: null,
  loading: true,
  login: async () => {
    throw new Error('no auth provider');
  },
  logout: async () => {},
  refresh: async () => {},
});

function normaliseMe(raw: any): Me {
  const roles: string[] = Array.isArray(raw?.roles) ? raw.roles : raw?.role ? [raw.role] : [];
  return {
    userName: raw?.userName ?? raw?.name ?? '',
    displayName: raw?.displayName ?? raw?.userName,
    roles: roles.map((r) => String(r).toLowerCase()),
    locality: raw?.locality ?? '',
    org: raw?.org ?? raw?.organisation ?? null,
    taskRoles: Array.isArray(raw?.taskRoles) ? raw.taskRoles : [],
    unit: raw?.unit ?? null,
    county: raw?.county ?? null,
    mustChangePassword: raw?.mustChangePassword === true,
  };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setMe(normaliseMe(await api.get('/api/auth/me')));
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403 && e.status !== 404)) console.warn(e);
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (userName: string, password: string) => {
    await api.post('/api/auth/login?useCookies=true', { userName, password });
    resetAntiforgery();
    const who = normaliseMe(await api.get('/api/auth/me'));
    setMe(who);
    return who;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {});
    } finally {
      resetAntiforgery();
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, loading, login, logout, refresh }), [me, loading, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  return useContext(AuthContext);
}

export const Roles = {
  policyAdmin: 'policy-admin',
  localityAdmin: 'locality-admin',
  applicant: 'applicant',
  reviewer: 'reviewer',
  auditor: 'auditor',
} as const;

export function hasRole(me: Me | null, ...roles: string[]) {
  return !!me && roles.some((r) => me.roles.includes(r));
}

export function isAdmin(me: Me | null) {
  return hasRole(me, Roles.policyAdmin, Roles.localityAdmin);
}

/** Where a user lands after signing in. */
export function homeOf(me: Me | null): string {
  if (!me) return '/login';
  if (isAdmin(me)) return me.locality && !hasRole(me, Roles.policyAdmin) ? `/workflows?locality=${encodeURIComponent(me.locality)}` : '/workflows';
  if (hasRole(me, Roles.reviewer)) return '/inbox';
  if (hasRole(me, Roles.applicant)) return '/applications';
  if (hasRole(me, Roles.auditor)) return '/history';
  return '/public/publicity';
}
