import { can, type MeResponse, type Permission } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../api/me.ts';

/** The signed-in user (undefined while loading or signed out). */
export function useMe(): MeResponse | undefined {
  return useQuery(meQueryOptions()).data;
}

/** Whether the signed-in user may do this; false while the user is not known yet, so nothing flashes in and out. */
export function useCan(permission: Permission): boolean {
  const me = useMe();
  return me ? can(me.user.role, permission) : false;
}
