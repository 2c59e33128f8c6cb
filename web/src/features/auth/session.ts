import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, UserRole } from '@mandate/shared';
import { api } from '../../api.ts';

export const meKey = ['me'] as const;

/** Who is signed in (null for the public), fetched once and shared by the whole app. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => api<Me>('/api/auth/me', { signal }),
    staleTime: 5 * 60_000,
  });
}

const RANK: Record<UserRole | 'public', number> = { public: 0, viewer: 1, contributor: 2, editor: 3, admin: 4 };

/**
 * What the signed-in user may do, to hide controls they cannot use. Only a
 * convenience: the server decides (and refuses) whatever the page shows.
 */
export function useCan() {
  const { data } = useMe();
  const role = data?.user?.role ?? 'public';
  return {
    known: data !== undefined,
    signedIn: Boolean(data?.user),
    role,
    /** Internal reads: suggestions, audit. */
    read: RANK[role] >= RANK.viewer,
    /** Progress updates and status on items of their units (the server checks which). */
    contribute: RANK[role] >= RANK.contributor,
    edit: RANK[role] >= RANK.editor,
    admin: role === 'admin',
  };
}

/** After signing in or out everything on screen may change: refetch it all. */
export function useResetAfterAuth() {
  const qc = useQueryClient();
  return () => qc.resetQueries();
}
